using Maillage.Membership.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor.Assignment;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor;

/// <summary>A volunteer with what they can still take this month.</summary>
public sealed record VolunteerLine(TreatingVolunteer Volunteer, int Remaining, int UsedThisMonth, int Waiting);

/// <summary>A proposal with its request and doctor, as the desk lists them.</summary>
public sealed record ProposalLine(TreatingProposal Proposal, TreatingRequest Request, TreatingVolunteer Volunteer);

/// <summary>What a member's account sees of the requests it filed: when, where, how far — never who.</summary>
public sealed record FilingLine(DateTimeOffset FiledAt, string CommuneCode, RequestStatus Status);

/// <summary>
/// The desk as the reader may see it: for the coordinator the counts by status, the requests of the chosen status, the drafts to send,
/// the volunteers and their room, the last run; for a volunteer the proposals waiting for them and the patients they accepted; for a
/// member's account its filings (without identity) and the members who may be enrolled.
/// </summary>
public sealed record DeskView(TreatingScope Scope, IReadOnlyDictionary<RequestStatus, int> Counts, RequestStatus? Filter, IReadOnlyList<TreatingRequest> Requests,
    IReadOnlyList<ProposalLine> Drafts, IReadOnlyList<VolunteerLine> Volunteers, TreatingRun? LastRun, IReadOnlyList<ProposalLine> Mine,
    IReadOnlyList<FilingLine> Filings, IReadOnlyList<MemberRef> Enrollable);

/// <summary>One request with its history of proposals, why it waits (or why its doctor), its possible duplicates and the doctors it may be proposed to.</summary>
public sealed record RequestView(TreatingScope Scope, TreatingRequest Request, long Score, string ScoreText, IReadOnlyList<ProposalLine> Proposals,
    AssignmentExplanation? Explanation, IReadOnlyList<TreatingRequest> Duplicates, IReadOnlyList<VolunteerLine> Volunteers, TreatingVolunteer? Doctor);

/// <summary>The reads of the desk, each for those who may see it; every read showing patients is audited (ids and counts, never names).</summary>
public sealed class ReadTreating(MaillageDbContext db, TreatingAccess access, DeskInstances instances, SolveAssignment solver, PriorityRuleSets rules,
    MemberRoll roll, AuditTrail audit)
{
    public const int PageSize = 200;

    /// <param name="listRequests">Whether to list the requests of <paramref name="filter"/> (the desk) or not (the assignment, the volunteers).</param>
    public async Task<Result<DeskView>> DeskAsync(Guid cptsId, RequestStatus? filter, Actor actor, bool listRequests = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.RequireAsync(cptsId, actor, s => s.Sees, ct);
        if (!found.Succeeded)
        {
            return Result<DeskView>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var counts = scope.Manages || scope.ReadsFigures
            ? (await db.TreatingRequests().Where(r => r.CptsId == cptsId && r.MergedIntoId == null).GroupBy(r => r.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count)
            : [];
        List<TreatingRequest> requests = [];
        IReadOnlyList<ProposalLine> drafts = [];
        IReadOnlyList<VolunteerLine> volunteers = [];
        IReadOnlyList<MemberRef> enrollable = [];
        TreatingRun? lastRun = null;
        if (scope.Manages)
        {
            var status = filter ?? RequestStatus.New;
            requests = !listRequests ? [] : await db.TreatingRequests().AsNoTracking().Where(r => r.CptsId == cptsId && r.MergedIntoId == null && r.Status == status)
                .OrderByDescending(r => r.Criteria > 0).ThenBy(r => r.FiledAt).Take(PageSize).ToListAsync(ct);
            drafts = await LinesAsync(db.TreatingProposals().Where(p => p.CptsId == cptsId && p.Status == ProposalStatus.Draft), ct);
            volunteers = await VolunteersAsync(scope, ct);
            lastRun = await db.TreatingRuns().AsNoTracking().Where(r => r.CptsId == cptsId).OrderByDescending(r => r.At).FirstOrDefaultAsync(ct);
            var enrolled = volunteers.Select(v => v.Volunteer.MemberId).ToHashSet();
            enrollable = [.. (await roll.AllAsync(cptsId, ct)).Values.Where(m => m.ProfessionCode == "10" && m.Rpps is not null && !enrolled.Contains(m.Id))
                .OrderBy(m => m.Name)];
            if (requests.Count + drafts.Count > 0)
            {
                audit.Record(actor, cptsId, "treating.requests-read", $"{requests.Count} demandes et {drafts.Count} propositions à envoyer listées.");
            }
        }

        IReadOnlyList<ProposalLine> mine = [];
        if (scope.IsVolunteer)
        {
            var volunteerId = scope.Volunteer!.Id;
            mine = await LinesAsync(db.TreatingProposals().Where(p => p.VolunteerId == volunteerId
                && (p.Status == ProposalStatus.Sent || p.Status == ProposalStatus.Accepted)), ct);
            if (mine.Count > 0)
            {
                audit.Record(actor, cptsId, "treating.proposals-read", $"{mine.Count} propositions du volontaire {volunteerId} listées.");
            }
        }

        IReadOnlyList<FilingLine> filings = [];
        if (scope.Tenant.IsMemberAccount)
        {
            var userId = actor.UserId;
            filings = await db.TreatingRequests().AsNoTracking().Where(r => r.CptsId == cptsId && r.FiledById == userId && r.Channel == RequestChannel.Member)
                .OrderByDescending(r => r.FiledAt).Take(50).Select(r => new FilingLine(r.FiledAt, r.CommuneCode, r.Status)).ToListAsync(ct);
        }

        await db.SaveChangesAsync(ct);
        return Result<DeskView>.Ok(new DeskView(scope, counts, filter, requests, drafts, volunteers, lastRun, mine, filings, enrollable));
    }

    /// <summary>How many requests a search shows at most (the most recent first).</summary>
    public const int SearchLimit = 50;

    /// <summary>
    /// The team finds a patient who calls (« où en est ma demande ? »): every word of <paramref name="query"/> within the names (compared
    /// without accents, capitals, hyphens or spaces), or 6 digits and more within the phone or the NIR; any status, merged and anonymised
    /// requests aside. The coordinator's only; audited with the count, never the words searched.
    /// </summary>
    public async Task<Result<IReadOnlyList<TreatingRequest>>> SearchAsync(Guid cptsId, string? query, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!found.Succeeded)
        {
            return Result<IReadOnlyList<TreatingRequest>>.Fail(found.Errors);
        }

        var words = (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(RequestRules.MatchKey).Where(w => w.Length > 0).ToList();
        var digits = new string([.. (query ?? "").Where(char.IsAsciiDigit)]);
        var byNumber = digits.Length >= 6 && words.All(w => w.All(char.IsAsciiDigit));
        if (words.Count == 0 || (!byNumber && words.Sum(w => w.Length) < 2))
        {
            return new Error("query_too_short", "Tapez au moins deux lettres du nom, ou six chiffres du téléphone ou du numéro de sécurité sociale.", "q");
        }

        // A CPTS holds thousands of requests at most: the names are compared here, the way duplicates are, identically on both engines.
        var candidates = await db.TreatingRequests().AsNoTracking().Where(r => r.CptsId == cptsId && r.MergedIntoId == null && r.AnonymisedAt == null)
            .Select(r => new { r.Id, r.FamilyName, r.GivenName, r.Phone, r.Nir, r.FiledAt }).ToListAsync(ct);
        var ids = candidates.Where(r => byNumber
                ? (r.Phone is { } phone && new string([.. phone.Where(char.IsAsciiDigit)]).Contains(digits, StringComparison.Ordinal))
                  || (r.Nir?.Contains(digits, StringComparison.Ordinal) ?? false)
                : words.All(w => RequestRules.MatchKey(r.FamilyName + r.GivenName).Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(r => r.FiledAt).Take(SearchLimit).Select(r => r.Id).ToList();
        var requests = ids.Count == 0 ? [] : (await db.TreatingRequests().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct))
            .OrderByDescending(r => r.FiledAt).ToList();
        audit.Record(actor, cptsId, "treating.requests-searched", $"Recherche d'un patient : {requests.Count} demandes trouvées.");
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<TreatingRequest>>.Ok(requests);
    }

    public async Task<Result<RequestView>> RequestAsync(Guid cptsId, Guid requestId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<RequestView>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var request = await db.TreatingRequests().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.MergedIntoId == null && r.AnonymisedAt == null, ct);
        if (request is null)
        {
            return Error.NotFound("Demande");
        }

        var proposals = await LinesAsync(db.TreatingProposals().Where(p => p.RequestId == requestId), ct);
        var proposedToMe = scope.Volunteer is { Active: true } me
            && proposals.Any(p => p.Volunteer.Id == me.Id && p.Proposal.Status is ProposalStatus.Sent or ProposalStatus.Accepted);
        if (!scope.Manages && !proposedToMe)
        {
            // A request exists for whoever reads the desk, but only its team and its doctor see it.
            return scope.Sees ? Error.Forbidden() : Error.NotFound("Demande");
        }

        var weights = rules.Default.Weights;
        AssignmentExplanation? explanation = null;
        IReadOnlyList<TreatingRequest> duplicates = [];
        IReadOnlyList<VolunteerLine> volunteers = [];
        if (scope.Manages)
        {
            if (request.Status == RequestStatus.Waiting)
            {
                var desk = await instances.OfAsync(scope, ct);
                var solved = solver.Run(desk.Instance);
                var key = DeskInstances.Key(request.Id);
                if (solved.Succeeded && desk.Requests.ContainsKey(key))
                {
                    explanation = AssignmentExplanations.Explain(desk.Instance, solved.Value!, key, solver.PlaceOf, id => desk.Volunteers[id].Name);
                }
            }

            var family = RequestRules.MatchKey(request.FamilyName);
            duplicates = [.. (await db.TreatingRequests().AsNoTracking().Where(r => r.CptsId == cptsId && r.Id != request.Id && r.MergedIntoId == null
                    && r.AnonymisedAt == null && r.Status != RequestStatus.Closed && r.Status != RequestStatus.Withdrawn
                    && (r.BirthDate == request.BirthDate || (request.Nir != null && r.Nir == request.Nir))).ToListAsync(ct))
                .Where(r => RequestRules.MatchKey(r.FamilyName) == family || (request.Nir != null && r.Nir == request.Nir) || RequestRules.MatchKey(r.GivenName) == RequestRules.MatchKey(request.GivenName))];
            volunteers = await VolunteersAsync(scope, ct);
        }

        var doctor = request.VolunteerId is { } vid ? await db.TreatingVolunteers().AsNoTracking().FirstOrDefaultAsync(v => v.Id == vid, ct) : null;
        audit.Record(actor, cptsId, "treating.request-read", $"Demande {request.Id} consultée.");
        await db.SaveChangesAsync(ct);
        return Result<RequestView>.Ok(new RequestView(scope, request, weights.Score(request.CriteriaList), weights.Explain(request.CriteriaList), proposals,
            explanation, duplicates, volunteers, doctor));
    }

    private async Task<IReadOnlyList<VolunteerLine>> VolunteersAsync(TreatingScope scope, CancellationToken ct)
    {
        var cptsId = scope.CptsId;
        var used = await DeskInstances.UsedThisMonthAsync(db, scope, ct);
        var waiting = await db.TreatingProposals().Where(p => p.CptsId == cptsId && p.Status == ProposalStatus.Sent).GroupBy(p => p.VolunteerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. (await db.TreatingVolunteers().AsNoTracking().Where(v => v.CptsId == cptsId && v.Active).OrderBy(v => v.FamilyName).ToListAsync(ct))
            .Select(v => new VolunteerLine(v, DeskInstances.Remaining(v, used), used.GetValueOrDefault(v.Id), waiting.GetValueOrDefault(v.Id)))];
    }

    private async Task<IReadOnlyList<ProposalLine>> LinesAsync(IQueryable<TreatingProposal> proposals, CancellationToken ct) =>
        await (from p in proposals.AsNoTracking()
               join r in db.TreatingRequests().AsNoTracking() on p.RequestId equals r.Id
               join v in db.TreatingVolunteers().AsNoTracking() on p.VolunteerId equals v.Id
               orderby p.CreatedAt descending, r.FiledAt
               select new ProposalLine(p, r, v)).ToListAsync(ct);
}
