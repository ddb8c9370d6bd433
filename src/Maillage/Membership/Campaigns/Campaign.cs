using Maillage.Platform.Persistence;

namespace Maillage.Membership.Campaigns;

/// <summary>Which professionals of the territory a campaign writes to, by their membership.</summary>
public enum SegmentMembership
{
    /// <summary>Every professional of the territory with an e-mail address.</summary>
    All,

    /// <summary>Members (status Member or Active) only.</summary>
    Members,

    /// <summary>Those who are not members (never were, prospects, former members): recruitment.</summary>
    NonMembers,
}

/// <summary>
/// A recruitment or information campaign: a segment of the territory's professionals (profession, commune, membership) and a
/// message sent by e-mail; sent once, logged per recipient, unsubscriptions honoured.
/// </summary>
public sealed class Campaign : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public string Name { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>Plain text; an unsubscribe link is appended to every message.</summary>
    public string Body { get; set; } = "";

    /// <summary>TRE_G15 profession code, or null for every profession.</summary>
    public string? SegmentProfession { get; set; }

    /// <summary>INSEE commune code of a place of practice, or null for the whole territory.</summary>
    public string? SegmentCommune { get; set; }

    public SegmentMembership SegmentMembership { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When sending finished; null while a draft.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public string? SentBy { get; set; }

    public int Version { get; set; }
}

/// <summary>What happened to one recipient of a campaign.</summary>
public enum MessageOutcome
{
    Sent,

    /// <summary>The address had unsubscribed from the CPTS's messages: nothing was sent.</summary>
    Unsubscribed,

    /// <summary>The mail server refused or could not be reached: the error is kept.</summary>
    Failed,
}

/// <summary>The sent log: one line per campaign and address (unique), so a resumed send never writes twice.</summary>
public sealed class CampaignMessage : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CptsId { get; set; }

    public Guid? ProfessionalId { get; set; }

    /// <summary>Lower-cased address.</summary>
    public string Email { get; set; } = "";

    public MessageOutcome Outcome { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>An address that asked to receive no more messages from a CPTS (unique per CPTS and address).</summary>
public sealed class Unsubscription : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>Lower-cased address.</summary>
    public string Email { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
