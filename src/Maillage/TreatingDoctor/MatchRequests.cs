using System.Diagnostics;
using System.Globalization;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor.Assignment;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor;

/// <summary>The desk's campaign as the solver sees it, with the stored rows behind each id.</summary>
public sealed record DeskInstance(AssignmentInstance Instance, PriorityRuleSet RuleSet, IReadOnlyDictionary<string, TreatingRequest> Requests,
    IReadOnlyDictionary<string, TreatingVolunteer> Volunteers);

/// <summary>A run of the assignment: the stored run line, the solver's result, the drafts it made (none on a dry run), and the requests left
/// waiting with why (highest score first).</summary>
public sealed record MatchOutcome(TreatingRun Run, AssignmentResult Result, IReadOnlyList<TreatingProposal> Drafts, IReadOnlyList<WaitingLine> Waiting);

/// <summary>A request a run left waiting, and why (no doctor within reach, or the capacity within reach went to higher scores).</summary>
public sealed record WaitingLine(TreatingRequest Request, long Score, AssignmentExplanation Why);

/// <summary>
/// What the solver is fed from stored data (docs/treating-doctor.md, « From the desk to the solver »): the open requests (Waiting, not
/// merged, no proposal sent or accepted) with the doctors who refused each (never proposed it again), and the active volunteers with their
/// remaining capacity this month — new patients a month minus the proposals sent or accepted since the first of the month at the CPTS's
/// hour; a paused volunteer has none.
/// </summary>
public sealed class DeskInstances(MaillageDbContext db, PriorityRuleSets rules)
{
    public async Task<DeskInstance> OfAsync(TreatingScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var cptsId = scope.CptsId;
        var held = db.TreatingProposals().Where(p => p.Status == ProposalStatus.Sent || p.Status == ProposalStatus.Accepted).Select(p => p.RequestId);
        var open = db.TreatingRequests().Where(r => r.CptsId == cptsId && r.Status == RequestStatus.Waiting && r.MergedIntoId == null && !held.Contains(r.Id));
        var requests = await open.AsNoTracking().OrderBy(r => r.FiledAt).ToListAsync(ct);
        var refusals = (await db.TreatingProposals().Where(p => p.Status == ProposalStatus.Refused && open.Select(r => r.Id).Contains(p.RequestId))
            .Select(p => new { p.RequestId, p.VolunteerId }).ToListAsync(ct)).ToLookup(p => p.RequestId, p => Key(p.VolunteerId));
        var volunteers = await db.TreatingVolunteers().AsNoTracking().Where(v => v.CptsId == cptsId && v.Active).OrderBy(v => v.FamilyName).ToListAsync(ct);
        var used = await UsedThisMonthAsync(db, scope, ct);
        var ruleSet = rules.Default;
        var instance = new AssignmentInstance(ruleSet.Weights, ruleSet.Proximity,
            [.. requests.Select(r => new AssignmentRequest(Key(r.Id), r.CommuneCode, r.CriteriaList, r.HomeVisit,
                refusals.Contains(r.Id) ? [.. refusals[r.Id].Distinct()] : null))],
            [.. volunteers.Select(v => new AssignmentDoctor(Key(v.Id), v.CommuneCode, Remaining(v, used), v.AcceptsList, v.HomeVisits, v.Beyond))]);
        return new DeskInstance(instance, ruleSet, requests.ToDictionary(r => Key(r.Id)), volunteers.ToDictionary(v => Key(v.Id)));
    }

    /// <summary>What a volunteer can still take this month.</summary>
    public static int Remaining(TreatingVolunteer v, IReadOnlyDictionary<Guid, int> usedThisMonth)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(usedThisMonth);
        return v.Paused || !v.Active ? 0 : Math.Max(0, v.MonthlyCapacity - usedThisMonth.GetValueOrDefault(v.Id));
    }

    /// <summary>Proposals sent (waiting or accepted) since the first of this month at the CPTS's hour, by volunteer.</summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> UsedThisMonthAsync(MaillageDbContext db, TreatingScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var today = scope.Today;
        var since = scope.Tenant.Clock.StartOf(new DateOnly(today.Year, today.Month, 1));
        var cptsId = scope.CptsId;
        return await db.TreatingProposals().Where(p => p.CptsId == cptsId && (p.Status == ProposalStatus.Sent || p.Status == ProposalStatus.Accepted)
                && p.SentAt >= since)
            .GroupBy(p => p.VolunteerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);
}

/// <summary>
/// The coordinator runs the assignment on the CPTS's open requests and volunteers (<c>maillage treating-doctor match</c>, the desk's
/// « Lancer l'attribution »): solved exactly; without a dry run, the previous drafts are withdrawn and one draft per assignment is stored
/// with its explanation, in one transaction with the run's line. Drafts are sent by the coordinator (<see cref="Proposals"/>).
/// </summary>
public sealed class MatchRequests(MaillageDbContext db, TreatingAccess access, DeskInstances instances, SolveAssignment solver, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<MatchOutcome>> RunAsync(Guid cptsId, bool dryRun, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<MatchOutcome>.Fail(scope.Errors);
        }

        var desk = await instances.OfAsync(scope.Value!, ct);
        var watch = Stopwatch.StartNew();
        var solved = solver.Run(desk.Instance);
        if (!solved.Succeeded)
        {
            // Stored data is checked when written: a refusal here is a commune the geography no longer knows.
            return Result<MatchOutcome>.Fail(solved.Errors.Select(e => e with { Message = $"Attribution impossible : {e.Message}" }));
        }

        var result = solved.Value!;
        var explainer = new AssignmentExplainer(desk.Instance, result, solver.PlaceOf, id => desk.Volunteers[id].Name);
        var waiting = desk.Requests.Where(r => !explainer.IsAssigned(r.Key))
            .Select(r => new WaitingLine(r.Value, desk.Instance.Weights.Score(r.Value.CriteriaList), explainer.Explain(r.Key)))
            .OrderByDescending(w => w.Score).ThenBy(w => w.Request.FiledAt).ToList();
        var now = clock.GetUtcNow();
        var run = new TreatingRun
        {
            Id = Guid.NewGuid(), CptsId = cptsId, At = now, ById = actor.UserId, ByName = actor.Name, RuleSetId = desk.RuleSet.Id, DryRun = dryRun,
            Requests = result.Requests, Doctors = desk.Instance.Doctors.Count(d => d.Capacity > 0), Assigned = result.Assigned, Objective = result.Objective,
            ElapsedMs = watch.ElapsedMilliseconds,
        };
        // One transaction: the withdrawn drafts leave the unique index in a first save, the new drafts enter it in the second.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TreatingRuns().Add(run);
        var drafts = new List<TreatingProposal>();
        if (!dryRun)
        {
            var previous = await db.TreatingProposals().Where(p => p.CptsId == cptsId && p.Status == ProposalStatus.Draft).ToListAsync(ct);
            foreach (var p in previous)
            {
                p.Status = ProposalStatus.Withdrawn;
            }

            if (previous.Count > 0 && await db.SaveOrConflictAsync(ct) is { } refused)
            {
                return refused;
            }

            foreach (var a in result.Assignments)
            {
                var request = desk.Requests[a.Request];
                var volunteer = desk.Volunteers[a.Doctor];
                var score = desk.Instance.Weights.Score(request.CriteriaList);
                var draft = new TreatingProposal
                {
                    Id = Guid.NewGuid(), CptsId = cptsId, RequestId = request.Id, VolunteerId = volunteer.Id, RunId = run.Id, Level = a.Level, Score = score,
                    Value = a.Value, Status = ProposalStatus.Draft, CreatedAt = now,
                    Explanation = Cut(explainer.Explain(a.Request).Text),
                };
                db.TreatingProposals().Add(draft);
                drafts.Add(draft);
            }
        }

        audit.Record(actor, cptsId, dryRun ? "treating.match-simulated" : "treating.match-run",
            $"Attribution {run.Id} ({desk.RuleSet.Id}) : {result.Requests} demandes, {run.Doctors} médecins avec de la place, {result.Assigned} propositions, "
            + $"objectif {result.Objective.ToString("0.##", CultureInfo.InvariantCulture)}.");
        var saved = await db.SaveOrConflictAsync(ct, conflict: new Error("match_conflict",
            "Une autre attribution ou un envoi vient de changer la file : relancez l'attribution.", null, ErrorKind.Conflict));
        if (saved is { } conflict)
        {
            return conflict;
        }

        await tx.CommitAsync(ct);
        return Result<MatchOutcome>.Ok(new MatchOutcome(run, result, drafts, waiting));
    }

    private static string Cut(string text) => text.Length <= 1000 ? text : text[..1000];
}
