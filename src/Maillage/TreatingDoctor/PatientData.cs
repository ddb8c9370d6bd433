using System.Globalization;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor.Assignment;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maillage.TreatingDoctor;

/// <summary>How long a closed request keeps its patient's identity: <c>Maillage:TreatingDoctor:RetentionMonths</c> (default 12, from 1 to 120).</summary>
public sealed record TreatingSetting(int RetentionMonths)
{
    public const int DefaultRetentionMonths = 12;

    public static TreatingSetting From(IConfiguration? config)
    {
        var months = config?.GetValue("Maillage:TreatingDoctor:RetentionMonths", DefaultRetentionMonths) ?? DefaultRetentionMonths;
        return months is >= 1 and <= 120
            ? new TreatingSetting(months)
            : throw new InvalidOperationException($"Maillage:TreatingDoctor:RetentionMonths vaut {months} : de 1 à 120 mois.");
    }
}

/// <summary>Everything the desk holds on one patient, as given to them on request (their right of access).</summary>
public sealed record PatientExport(Guid Id, string Cpts, DateTimeOffset FiledAt, string Channels, string FiledBy, string FamilyName, string GivenName,
    DateOnly BirthDate, string CommuneCode, string? Phone, string? Email, string? Nir, IReadOnlyList<string> Criteria, bool HomeVisit, DateTimeOffset ConsentAt,
    string ConsentVersion, string ConsentText, string? Notes, bool ReferredToDac, string Status, DateTimeOffset? AcceptedAt, DateTimeOffset? DeclaredAt,
    DateTimeOffset? ClosedAt, string? ClosingReason, IReadOnlyList<PatientExportProposal> Proposals);

/// <summary>A proposal of the patient to a doctor, in the export.</summary>
public sealed record PatientExportProposal(string Doctor, string Status, DateTimeOffset? SentAt, DateTimeOffset? AnsweredAt, string? RefusalReason);

/// <summary>
/// A patient's rights over what the desk holds (docs/treating-doctor.md, « Personal data »): the coordinator exports it for them, or erases
/// it on request; and every request closed for longer than the retention period loses its identity. Erasing and anonymising keep the line
/// without identity (commune, birth year, criteria, dates, outcome) so the counts and indicators stay true; merged duplicates go with it.
/// </summary>
public sealed class PatientData(MaillageDbContext db, TreatingAccess access, TreatingSetting setting, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<PatientExport>> ExportAsync(Guid cptsId, Guid requestId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<PatientExport>.Fail(scope.Errors);
        }

        var r = await db.TreatingRequests().AsNoTracking().FirstOrDefaultAsync(x => x.Id == requestId && x.MergedIntoId == null && x.AnonymisedAt == null, ct);
        if (r is null)
        {
            return Error.NotFound("Demande");
        }

        var proposals = await (from p in db.TreatingProposals().AsNoTracking().Where(p => p.RequestId == requestId)
                               join v in db.TreatingVolunteers().AsNoTracking() on p.VolunteerId equals v.Id
                               orderby p.CreatedAt
                               select new { p, v }).ToListAsync(ct);
        audit.Record(actor, cptsId, "treating.request-exported", $"Données de la demande {r.Id} exportées pour le patient.");
        await db.SaveChangesAsync(ct);
        return Result<PatientExport>.Ok(new PatientExport(r.Id, scope.Value!.Tenant.Name, r.FiledAt, TreatingLabels.OfChannels(r.Channels), r.FiledBy, r.FamilyName,
            r.GivenName, r.BirthDate, r.CommuneCode, r.Phone, r.Email, r.Nir, [.. r.CriteriaList.Select(PriorityLabels.Of)], r.HomeVisit, r.ConsentAt,
            r.ConsentVersion, TreatingConsent.Text, r.Notes, r.ReferredToDac, TreatingLabels.Of(r.Status), r.AcceptedAt, r.DeclaredAt, r.ClosedAt,
            r.ClosingReason, [.. proposals.Where(x => x.p.Status != ProposalStatus.Draft).Select(x => new PatientExportProposal(x.v.Name,
                TreatingLabels.Of(x.p.Status), x.p.SentAt, x.p.AnsweredAt, x.p.RefusalReason))]));
    }

    /// <summary>Erases a patient's identity at their request: an open request is withdrawn first (its proposals with it).</summary>
    public async Task<Result<TreatingRequest>> EraseAsync(Guid cptsId, Guid requestId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingRequest>.Fail(scope.Errors);
        }

        var r = await db.TreatingRequests().FirstOrDefaultAsync(x => x.Id == requestId && x.MergedIntoId == null && x.AnonymisedAt == null, ct);
        if (r is null)
        {
            return Error.NotFound("Demande");
        }

        var now = clock.GetUtcNow();
        foreach (var p in await db.TreatingProposals().Where(p => p.RequestId == requestId && (p.Status == ProposalStatus.Draft || p.Status == ProposalStatus.Sent))
            .ToListAsync(ct))
        {
            (p.Status, p.AnswerTokenHash) = (ProposalStatus.Withdrawn, null);
        }

        if (r.Open)
        {
            (r.Status, r.StatusAt, r.ClosedAt, r.ClosingReason) = (RequestStatus.Withdrawn, now, now, "Effacée à la demande du patient");
        }

        await AnonymiseAsync([r], now, ct);
        audit.Record(actor, cptsId, "treating.request-erased", $"Identité de la demande {r.Id} effacée à la demande du patient.");
        return await db.SaveAsync(r, ct);
    }

    /// <summary>Anonymises every request closed (or withdrawn) more than the retention period ago, in every CPTS; returns how many.</summary>
    public async Task<int> AnonymiseExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var before = now.AddMonths(-setting.RetentionMonths);
        var total = 0;
        while (true)
        {
            var batch = await db.TreatingRequests().EveryCpts().Where(r => r.AnonymisedAt == null && r.MergedIntoId == null && r.ClosedAt != null && r.ClosedAt < before)
                .OrderBy(r => r.ClosedAt).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }

            await AnonymiseAsync(batch, now, ct);
            foreach (var byCpts in batch.GroupBy(r => r.CptsId))
            {
                audit.Record(Actor.System, byCpts.Key, "treating.requests-anonymised",
                    $"{byCpts.Count()} demandes closes depuis plus de {setting.RetentionMonths} mois anonymisées.");
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }

    /// <summary>Blanks the identity of <paramref name="requests"/> and of the duplicates merged into them; keeps what counts need.</summary>
    private async Task AnonymiseAsync(IReadOnlyCollection<TreatingRequest> requests, DateTimeOffset now, CancellationToken ct)
    {
        var ids = requests.Select(r => r.Id).ToList();
        var merged = await db.TreatingRequests().EveryCpts().Where(r => r.MergedIntoId != null && ids.Contains(r.MergedIntoId.Value) && r.AnonymisedAt == null)
            .ToListAsync(ct);
        foreach (var r in requests.Concat(merged))
        {
            (r.FamilyName, r.GivenName, r.Phone, r.Email, r.Nir, r.Notes, r.AnonymisedAt) = ("Anonyme", "", null, null, null, null, now);
            r.BirthDate = new DateOnly(r.BirthDate.Year, 1, 1);
            r.ClosingReason = r.ClosingReason is null ? null : "—";
        }

        foreach (var p in await db.TreatingProposals().EveryCpts().Where(p => ids.Contains(p.RequestId)).ToListAsync(ct))
        {
            (p.Explanation, p.RefusalReason, p.AnswerTokenHash) = ("", p.RefusalReason is null ? null : "—", null);
        }
    }
}

/// <summary>Anonymises the expired requests two minutes after start, then every day.</summary>
public sealed class TreatingAnonymisationWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TreatingAnonymisationWorker> logger)
    : Maillage.Platform.Workers.PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan FirstRun => TimeSpan.FromMinutes(2);

    protected override TimeSpan Every => TimeSpan.FromDays(1);

    protected override string Name => "Treating-doctor anonymisation";

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<PatientData>().AnonymiseExpiredAsync(ct);
}

/// <summary>The desk's figures: pipeline, delays, outcomes by priority group and by commune, month by month (no patient in them).</summary>
public sealed record TreatingStatistics(TreatingScope Scope, IReadOnlyDictionary<RequestStatus, int> Pipeline, double? MedianDaysToDoctor,
    double? MedianDaysToDeclaration, IReadOnlyList<OutcomeLine> ByPriority, IReadOnlyList<OutcomeLine> ByCommune, IReadOnlyList<MonthLine> Months,
    IReadOnlyDictionary<string, int> ByChannel, IReadOnlyList<(string Reason, int Count)> Refusals);

/// <summary>Requests of a group: received, given a doctor (accepted, whatever came next but withdrawal), declared, still waiting, withdrawn.</summary>
public sealed record OutcomeLine(string Key, string Label, int Received, int Found, int Declared, int Waiting, int Withdrawn)
{
    public double FoundRate => Received == 0 ? 0 : (double)Found / Received;
}

/// <summary>One month: requests received, patients given a doctor, declarations.</summary>
public sealed record MonthLine(DateOnly Month, int Received, int Found, int Declared);

/// <summary>Computes <see cref="TreatingStatistics"/> for the team and the officers steering the CPTS.</summary>
public sealed class ReadTreatingStatistics(MaillageDbContext db, TreatingAccess access, PriorityRuleSets rules, DeskCommunes communes)
{
    public async Task<Result<TreatingStatistics>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.RequireAsync(cptsId, actor, s => s.Manages || s.Tenant.Steers, ct);
        if (!found.Succeeded)
        {
            return Result<TreatingStatistics>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var rows = await db.TreatingRequests().AsNoTracking().Where(r => r.CptsId == cptsId && r.MergedIntoId == null)
            .Select(r => new Row(r.Status, r.Criteria, r.CommuneCode, r.FiledAt, r.AcceptedAt, r.DeclaredAt, r.Channel)).ToListAsync(ct);
        var refusals = await db.TreatingProposals().AsNoTracking().Where(p => p.CptsId == cptsId && p.Status == ProposalStatus.Refused && p.RefusalReason != null)
            .GroupBy(p => p.RefusalReason!).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(8).ToListAsync(ct);
        var weights = rules.Default.Weights;
        string Group(int criteria)
        {
            var list = CriteriaMask.Read(criteria);
            return list.Count == 0 ? "none" : AssignmentNames.Name(list.OrderByDescending(weights.Of).ThenBy(c => c).First());
        }

        var clock = scope.Tenant.Clock;
        var today = scope.Today;
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        DateOnly MonthOf(DateTimeOffset at)
        {
            var d = clock.DateOf(at);
            return new DateOnly(d.Year, d.Month, 1);
        }

        var months = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i)).Select(m => new MonthLine(m,
            rows.Count(r => MonthOf(r.FiledAt) == m), rows.Count(r => r.AcceptedAt is { } a && MonthOf(a) == m),
            rows.Count(r => r.DeclaredAt is { } d && MonthOf(d) == m))).ToList();
        var byPriority = Outcomes(rows, r => Group(r.Criteria), key => key == "none" ? "sans critère de priorité"
            : AssignmentNames.TryCriterion(key, out var c) ? PriorityLabels.Of(c) : key)
            .OrderByDescending(l => l.Key == "none" ? -1 : AssignmentNames.TryCriterion(l.Key, out var c) ? weights.Of(c) : 0).ToList();
        var byCommune = Outcomes(rows, r => r.CommuneCode, communes.NameOf).OrderByDescending(l => l.Received).ThenBy(l => l.Label).ToList();
        return Result<TreatingStatistics>.Ok(new TreatingStatistics(scope,
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            Median(rows.Where(r => r.AcceptedAt is not null).Select(r => (r.AcceptedAt!.Value - r.FiledAt).TotalDays)),
            Median(rows.Where(r => r.DeclaredAt is not null && r.AcceptedAt is not null).Select(r => (r.DeclaredAt!.Value - r.AcceptedAt!.Value).TotalDays)),
            byPriority, byCommune, months, rows.GroupBy(r => TreatingLabels.Of(r.Channel)).ToDictionary(g => g.Key, g => g.Count()),
            [.. refusals.Select(g => (g.Key, g.Count))]));
    }

    /// <summary>The median of some numbers of days, rounded to a tenth; null when there are none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    private static IEnumerable<OutcomeLine> Outcomes(List<Row> rows, Func<Row, string> key, Func<string, string> label) =>
        rows.GroupBy(key).Select(g => new OutcomeLine(g.Key, label(g.Key), g.Count(),
            g.Count(r => r.AcceptedAt is not null && r.Status != RequestStatus.Withdrawn), g.Count(r => r.DeclaredAt is not null),
            g.Count(r => r.Status is RequestStatus.New or RequestStatus.Waiting or RequestStatus.Proposed), g.Count(r => r.Status == RequestStatus.Withdrawn)));

    private sealed record Row(RequestStatus Status, int Criteria, string CommuneCode, DateTimeOffset FiledAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DeclaredAt,
        RequestChannel Channel);

    /// <summary>« 12,5 jours », or « — ».</summary>
    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + " jours" : "—";
}
