using Maillage.Platform.Persistence;

namespace Maillage.Association;

/// <summary>The path of a proposal: member → bureau → conseil d'administration → decision.</summary>
public enum ProposalStatus
{
    /// <summary>Submitted by a member, awaiting the bureau.</summary>
    Submitted,

    /// <summary>The bureau sent it on to the conseil d'administration.</summary>
    AtBoard,

    /// <summary>The conseil adopted it: a decision is in the register.</summary>
    Adopted,

    /// <summary>Turned down by the bureau or the conseil, with the reason.</summary>
    Rejected,

    /// <summary>Withdrawn by its author before a decision.</summary>
    Withdrawn,
}

/// <summary>An action proposed by a member, with its trail of steps.</summary>
public sealed class Proposal : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>The member who proposes.</summary>
    public Guid MemberId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public ProposalStatus Status { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public Guid? DecisionId { get; set; }

    public int Version { get; set; }

    public List<ProposalStep> Steps { get; set; } = [];
}

/// <summary>One step of a proposal's trail: who moved it from which status to which, when and why.</summary>
public sealed class ProposalStep
{
    public Guid Id { get; set; }

    public Guid ProposalId { get; set; }

    public ProposalStatus From { get; set; }

    public ProposalStatus To { get; set; }

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }

    /// <summary>The meeting where the step was decided, when there was one.</summary>
    public Guid? MeetingId { get; set; }
}
