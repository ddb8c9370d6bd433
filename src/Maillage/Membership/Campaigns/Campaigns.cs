using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;

namespace Maillage.Membership.Campaigns;

/// <summary>Where a campaign stands: a draft, being sent now, stopped midway (resumable), or sent.</summary>
public enum CampaignState
{
    Draft,
    Sending,
    Interrupted,
    Sent,
}

/// <summary>A campaign as typed in a form or the API; the segment's fields are optional (membership: non-members by default).</summary>
public sealed record CampaignInput(string? Name, string? Subject, string? Body, string? Profession = null, string? Commune = null, string? Membership = null);

/// <summary>How many lines of the sent log have each outcome.</summary>
public sealed record OutcomeCounts(int Sent, int Unsubscribed, int Failed)
{
    public static OutcomeCounts None { get; } = new(0, 0, 0);

    public int Total => Sent + Unsubscribed + Failed;
}

/// <summary>A campaign with its state and its sent log's counts.</summary>
public sealed record CampaignSummary(Campaign Campaign, CampaignState State, OutcomeCounts Counts);

/// <summary>The campaigns of a CPTS, newest first.</summary>
public sealed record CampaignList(Guid CptsId, string CptsName, IReadOnlyList<CampaignSummary> Campaigns);

/// <summary>
/// A campaign's progress: <see cref="Total"/> addresses in the segment and <see cref="Done"/> already handled (sent, skipped or failed);
/// <see cref="Error"/> says why the last send stopped, when it did.
/// </summary>
public sealed record CampaignStatus(Guid CampaignId, CampaignState State, int Total, int Done, OutcomeCounts Counts, DateTimeOffset? SentAt, string? Error);

/// <summary>A campaign, its state, counts and audience (for one not yet sent), with the labels of its segment.</summary>
public sealed record CampaignDetail(Guid CptsId, string CptsName, CampaignSummary Summary, AudienceCount? Audience, string? ProfessionLabel,
    string? CommuneName, string? Error);

/// <summary>A CPTS whose campaigns the actor runs, and the INSEE codes of its territory.</summary>
public sealed record CampaignScope(Tenant Tenant, IReadOnlyList<string> Communes)
{
    public CptsInfo Cpts => Tenant.Cpts;
}

/// <summary>Who runs campaigns: the one place where it is decided. The coordinator or an admin; members and officers never (the sent log holds addresses).</summary>
public static class CampaignAccess
{
    public static bool RunsCampaigns(this Tenant tenant) => tenant.ManagesMembers();

    /// <summary>Not found outside the actor's tenancy; forbidden to a reader who may not run campaigns.</summary>
    public static async Task<Result<CampaignScope>> ScopeAsync(Tenancy tenancy, CptsTerritories territories, Guid cptsId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenancy);
        ArgumentNullException.ThrowIfNull(territories);
        var tenant = await tenancy.RequireAsync(cptsId, actor, RunsCampaigns, ct);
        if (!tenant.Succeeded)
        {
            return Result<CampaignScope>.Fail(tenant.Errors);
        }

        return Result<CampaignScope>.Ok(new CampaignScope(tenant.Value!, await territories.CommunesAsync(cptsId, ct)));
    }

    /// <summary>The segment of an input, or its mistakes.</summary>
    public static Result<CampaignSegment> Segment(CampaignAudience audience, CampaignScope scope, string? profession, string? commune, string? membership)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(scope);
        var parsed = SegmentRules.ParseMembership(membership);
        var segment = new CampaignSegment(Blank(profession), Blank(commune), parsed.Value);
        var errors = parsed.Errors.Concat(audience.Check(segment, [.. scope.Communes])).ToList();
        return errors.Count > 0 ? Result<CampaignSegment>.Fail(errors) : Result<CampaignSegment>.Ok(segment);
    }

    public static CampaignSegment SegmentOf(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new CampaignSegment(campaign.SegmentProfession, campaign.SegmentCommune, campaign.SegmentMembership);
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Creates a draft campaign (name, subject, plain-text body, segment): the coordinator or an admin.</summary>
public sealed class CreateCampaign(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, CampaignAudience audience, AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxName = 200;
    public const int MaxSubject = 200;
    public const int MaxBody = 20_000;

    public async Task<Result<Campaign>> RunAsync(Guid cptsId, CampaignInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await CampaignAccess.ScopeAsync(tenancy, territories, cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<Campaign>.Fail(scope.Errors);
        }

        var segment = CampaignAccess.Segment(audience, scope.Value!, input.Profession, input.Commune, input.Membership);
        var errors = Check(input).Concat(segment.Errors).ToList();
        if (errors.Count > 0)
        {
            return Result<Campaign>.Fail(errors);
        }

        var s = segment.Value!;
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(), CptsId = cptsId, Name = input.Name!.Trim(), Subject = input.Subject!.Trim(),
            Body = input.Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), SegmentProfession = s.Profession, SegmentCommune = s.Commune,
            SegmentMembership = s.Membership, CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow(),
        };
        var count = await audience.CountAsync(cptsId, scope.Value!.Communes, s, ct);
        db.Campaigns().Add(campaign);
        audit.Record(actor, cptsId, "campaign.created",
            $"Campagne {campaign.Id} « {campaign.Name} » créée : {French.Count(count.Recipients, "destinataire", "destinataires")} à ce jour.");
        await db.SaveChangesAsync(ct);
        return Result<Campaign>.Ok(campaign);
    }

    public static List<Error> Check(CampaignInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Error>();
        void Text(string? value, string field, int max, string what)
        {
            var length = value?.Trim().Length ?? 0;
            if (length == 0)
            {
                errors.Add(new Error($"{field}_required", $"Indiquez {what}.", field));
            }
            else if (length > max)
            {
                errors.Add(new Error($"{field}_too_long", $"Le champ tient en {French.Number(max)} caractères.", field));
            }
        }

        Text(input.Name, "name", MaxName, "le nom de la campagne");
        Text(input.Subject, "subject", MaxSubject, "l'objet du message");
        Text(input.Body, "body", MaxBody, "le texte du message");
        if (input.Subject?.IndexOfAny(['\r', '\n']) >= 0)
        {
            errors.Add(new Error("subject_newline", "L'objet tient sur une ligne.", "subject"));
        }

        return errors;
    }
}

/// <summary>What the campaign pages and API read: the list, one campaign, its progress, its sent log, a segment's audience.</summary>
public sealed class ReadCampaigns(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, CampaignAudience audience, CampaignSends queue,
    Nomenclatures nomenclatures, Territories.Published.GeoCatalog geo)
{
    public async Task<Result<CampaignList>> ListAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await CampaignAccess.ScopeAsync(tenancy, territories, cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<CampaignList>.Fail(scope.Errors);
        }

        var campaigns = await db.Campaigns().AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var counts = await CountsAsync(db.CampaignMessages(), ct);
        var summaries = new List<CampaignSummary>(campaigns.Count);
        foreach (var c in campaigns)
        {
            summaries.Add(new CampaignSummary(c, await StateOfAsync(c, ct), counts.GetValueOrDefault(c.Id, OutcomeCounts.None)));
        }

        return Result<CampaignList>.Ok(new CampaignList(cptsId, scope.Value!.Cpts.Name, summaries));
    }

    public async Task<Result<CampaignDetail>> OneAsync(Guid cptsId, Guid campaignId, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, campaignId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<CampaignDetail>.Fail(found.Errors);
        }

        var (scope, campaign) = found.Value;
        var counts = (await CountsAsync(db.CampaignMessages().Where(m => m.CampaignId == campaignId), ct)).GetValueOrDefault(campaignId, OutcomeCounts.None);
        var state = await StateOfAsync(campaign, ct);
        var count = state == CampaignState.Sent ? null : await audience.CountAsync(cptsId, scope.Communes, CampaignAccess.SegmentOf(campaign), ct);
        return Result<CampaignDetail>.Ok(new CampaignDetail(cptsId, scope.Cpts.Name, new CampaignSummary(campaign, state, counts), count,
            campaign.SegmentProfession is { } p ? nomenclatures.ProfessionLabel(p) : null,
            campaign.SegmentCommune is { } c ? geo.Find(c)?.Name ?? c : null, state == CampaignState.Interrupted ? queue.LastFailure(campaignId) : null));
    }

    public async Task<Result<CampaignStatus>> StatusAsync(Guid cptsId, Guid campaignId, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, campaignId, actor, ct);
        return found.Succeeded ? Result<CampaignStatus>.Ok(await StatusOfAsync(found.Value.Scope, found.Value.Campaign, ct)) : Result<CampaignStatus>.Fail(found.Errors);
    }

    /// <summary>The sent log, by address: visible to those who run campaigns only.</summary>
    public async Task<Result<IReadOnlyList<CampaignMessage>>> LogAsync(Guid cptsId, Guid campaignId, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, campaignId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<IReadOnlyList<CampaignMessage>>.Fail(found.Errors);
        }

        var lines = await db.CampaignMessages().AsNoTracking().Where(m => m.CampaignId == campaignId).OrderBy(m => m.Email).ToListAsync(ct);
        return Result<IReadOnlyList<CampaignMessage>>.Ok(lines);
    }

    /// <summary>How many addresses a segment reaches today (before creating or sending a campaign).</summary>
    public async Task<Result<AudienceCount>> AudienceAsync(Guid cptsId, string? profession, string? commune, string? membership, Actor actor,
        CancellationToken ct = default)
    {
        var scope = await CampaignAccess.ScopeAsync(tenancy, territories, cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<AudienceCount>.Fail(scope.Errors);
        }

        var segment = CampaignAccess.Segment(audience, scope.Value!, profession, commune, membership);
        return segment.Succeeded
            ? Result<AudienceCount>.Ok(await audience.CountAsync(cptsId, scope.Value!.Communes, segment.Value!, ct))
            : Result<AudienceCount>.Fail(segment.Errors);
    }

    internal async Task<CampaignStatus> StatusOfAsync(CampaignScope scope, Campaign campaign, CancellationToken ct)
    {
        var state = await StateOfAsync(campaign, ct);
        var counts = (await CountsAsync(db.CampaignMessages().Where(m => m.CampaignId == campaign.Id), ct)).GetValueOrDefault(campaign.Id, OutcomeCounts.None);
        var total = state switch
        {
            CampaignState.Sent => counts.Total,
            CampaignState.Sending when queue.Running(campaign.Id) is { Total: > 0 } progress => progress.Total,
            _ => (await audience.RecipientsAsync(scope.Cpts.Id, scope.Communes, CampaignAccess.SegmentOf(campaign), ct)).Count,
        };
        var done = state == CampaignState.Sending && queue.Running(campaign.Id) is { } running ? Math.Max(running.Done, counts.Total) : counts.Total;
        return new CampaignStatus(campaign.Id, state, Math.Max(total, done), done, counts, campaign.SentAt,
            state == CampaignState.Interrupted ? queue.LastFailure(campaign.Id) : null);
    }

    /// <summary>
    /// Where the campaign stands. The worker stamps <see cref="Campaign.SentAt"/> before it leaves the running set, so a campaign read
    /// while its send was ending may look claimed, unsent and not running: its stamp is read again before calling it interrupted.
    /// </summary>
    internal async Task<CampaignState> StateOfAsync(Campaign campaign, CancellationToken ct)
    {
        if (campaign.SentAt is not null)
        {
            return CampaignState.Sent;
        }

        if (queue.Running(campaign.Id) is not null)
        {
            return CampaignState.Sending;
        }

        if (campaign.SentBy is null)
        {
            return CampaignState.Draft;
        }

        campaign.SentAt = await db.Campaigns().AsNoTracking().Where(c => c.Id == campaign.Id).Select(c => c.SentAt).FirstOrDefaultAsync(ct);
        return campaign.SentAt is null ? CampaignState.Interrupted : CampaignState.Sent;
    }

    internal async Task<Result<(CampaignScope Scope, Campaign Campaign)>> FindAsync(Guid cptsId, Guid campaignId, Actor actor, CancellationToken ct)
    {
        var scope = await CampaignAccess.ScopeAsync(tenancy, territories, cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<(CampaignScope, Campaign)>.Fail(scope.Errors);
        }

        var campaign = await db.Campaigns().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null ? Error.NotFound("Campagne") : Result<(CampaignScope, Campaign)>.Ok((scope.Value!, campaign));
    }

    private static async Task<Dictionary<Guid, OutcomeCounts>> CountsAsync(IQueryable<CampaignMessage> lines, CancellationToken ct)
    {
        var rows = await lines.GroupBy(m => new { m.CampaignId, m.Outcome }).Select(g => new { g.Key.CampaignId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CampaignId).ToDictionary(g => g.Key, g => new OutcomeCounts(
            g.Where(r => r.Outcome == MessageOutcome.Sent).Sum(r => r.Count),
            g.Where(r => r.Outcome == MessageOutcome.Unsubscribed).Sum(r => r.Count),
            g.Where(r => r.Outcome == MessageOutcome.Failed).Sum(r => r.Count)));
    }
}
