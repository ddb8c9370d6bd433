using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Membership.Published;
using Maillage.Directory.Published;

namespace Maillage.Membership.Campaigns;

/// <summary>Who a campaign writes to: a profession (TRE_G15), a commune of the territory, a membership; null means every one.</summary>
public sealed record CampaignSegment(string? Profession, string? Commune, SegmentMembership Membership);

/// <summary>One address of a segment (lower-cased) and the professional it was found on.</summary>
public sealed record Recipient(Guid ProfessionalId, string Email);

/// <summary>A professional of the territory as a segment sees it: the work e-mail and the current status in the CPTS, if any.</summary>
public sealed record SegmentCandidate(Guid ProfessionalId, string? WorkEmail, MembershipStatus? Status);

/// <summary>
/// The rules of a segment, without I/O: members are those whose status is Member or Active; non-members have no adhérent record or
/// are prospects or former members (the recruitment target); addresses are compared lower-cased, and one address gets one message
/// even when several professionals share it.
/// </summary>
public static class SegmentRules
{
    public static bool Includes(SegmentMembership membership, MembershipStatus? status) => membership switch
    {
        SegmentMembership.Members => status is MembershipStatus.Member or MembershipStatus.Active,
        SegmentMembership.NonMembers => status is null or MembershipStatus.Prospect or MembershipStatus.Former,
        _ => true,
    };

    /// <summary>The address as the sent log and the unsubscriptions store it.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>The recipients of a segment among candidates already filtered by profession and commune, in address order.</summary>
    public static IReadOnlyList<Recipient> Select(IEnumerable<SegmentCandidate> candidates, SegmentMembership membership)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return [.. candidates
            .Where(c => !string.IsNullOrWhiteSpace(c.WorkEmail) && Includes(membership, c.Status))
            .Select(c => new Recipient(c.ProfessionalId, Normalize(c.WorkEmail!)))
            .GroupBy(r => r.Email, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.ProfessionalId).First())
            .OrderBy(r => r.Email, StringComparer.Ordinal)];
    }

    /// <summary>Reads a membership as the API and the forms write it (<c>all</c>, <c>members</c>, <c>non-members</c>); blank: non-members.</summary>
    public static Result<SegmentMembership> ParseMembership(string? value)
    {
        var text = (value ?? "").Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return Result<SegmentMembership>.Ok(SegmentMembership.NonMembers);
        }

        return !text.All(char.IsAsciiDigit) && Enum.TryParse<SegmentMembership>(text, ignoreCase: true, out var membership)
            ? Result<SegmentMembership>.Ok(membership)
            : new Error("unknown_membership", $"Adhésion « {value} » inconnue : all, members ou non-members.", "membership");
    }

    /// <summary>« Non-adhérents », « Adhérents », « Tous ».</summary>
    public static string French(this SegmentMembership membership) => membership switch
    {
        SegmentMembership.Members => "Adhérents (statut adhérent ou actif)",
        SegmentMembership.NonMembers => "Non-adhérents (jamais adhérents, prospects, anciens)",
        _ => "Tous les professionnels",
    };
}

/// <summary>How many addresses a segment reaches today, and how many of them asked for no more messages.</summary>
public sealed record AudienceCount(int Recipients, int Unsubscribed);

/// <summary>
/// Finds the recipients of a segment: the professionals practising in the CPTS's territory (in the segment's commune, of its
/// profession) who have a work e-mail, filtered by their membership of this CPTS.
/// </summary>
public sealed class CampaignAudience(MaillageDbContext db, DirectoryLookup directory, Nomenclatures nomenclatures)
{
    /// <summary>The segment's mistakes: an unknown profession, a commune outside the territory.</summary>
    public IReadOnlyList<Error> Check(CampaignSegment segment, IReadOnlyCollection<string> communes)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(communes);
        var errors = new List<Error>();
        if (segment.Profession is { Length: > 0 } p && !nomenclatures.Professions.ContainsKey(p))
        {
            errors.Add(new Error("unknown_profession", $"Code profession « {p} » inconnu de la nomenclature TRE_G15.", "profession"));
        }

        if (segment.Commune is { Length: > 0 } c && !communes.Contains(c))
        {
            errors.Add(new Error("commune_outside_territory", $"La commune {c} n'est pas dans le territoire de la CPTS.", "commune"));
        }

        return errors;
    }

    public async Task<IReadOnlyList<Recipient>> RecipientsAsync(Guid cptsId, IReadOnlyList<string> communes, CampaignSegment segment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var places = segment.Commune is { Length: > 0 } commune ? [commune] : communes.ToList();
        var people = await directory.ReachableInAsync(places, segment.Profession, ct);
        var statuses = await db.Members().AsNoTracking().Where(m => m.CptsId == cptsId).CurrentStatuses()
            .ToDictionaryAsync(m => m.ProfessionalId, m => m.Status, ct);
        return SegmentRules.Select(people.Select(p => new SegmentCandidate(p.Id, p.WorkEmail, statuses.GetValueOrDefault(p.Id))), segment.Membership);
    }

    /// <summary>The lower-cased addresses that unsubscribed from this CPTS.</summary>
    public async Task<HashSet<string>> UnsubscribedAsync(Guid cptsId, CancellationToken ct) =>
        (await db.Unsubscriptions().AsNoTracking().Where(u => u.CptsId == cptsId).Select(u => u.Email).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public async Task<AudienceCount> CountAsync(Guid cptsId, IReadOnlyList<string> communes, CampaignSegment segment, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(cptsId, communes, segment, ct);
        var unsubscribed = await UnsubscribedAsync(cptsId, ct);
        return new AudienceCount(recipients.Count, recipients.Count(r => unsubscribed.Contains(r.Email)));
    }
}
