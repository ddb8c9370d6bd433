using Maillage.Platform.Time;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Indemnities.Storage;
using Maillage.Directory.Published;
using Maillage.Membership.Published;

namespace Maillage.Indemnities;

/// <summary>A member as the indemnities show it: a professional (name, RPPS, profession).</summary>
public sealed record IndemnityPerson(Guid MemberId, string Name, string? Rpps, string? ProfessionCode, string? Profession)
{
    public override string ToString() => $"member {MemberId}";
}

/// <summary>A declaration with its member and, once in a batch, the batch's number and payment.</summary>
public sealed record DeclarationRow(TimeDeclaration Declaration, IndemnityPerson Person, string? BatchNumber, DateOnly? PaidOn, string? PaidBy);

/// <summary>A scale version, whether it is the one in force today, and how many declarations it valued.</summary>
public sealed record ScaleView(Scale Scale, bool InForce, int Uses);

/// <summary>Validated and paid time of a year, for a profession and an activity: no names (officers see it).</summary>
public sealed record IndemnityAggregate(int Year, string? ProfessionCode, string Profession, Activity Activity, decimal Hours, decimal Amount, int Declarations);

/// <summary>What one person gets in a batch or a period.</summary>
public sealed record PersonTotal(IndemnityPerson Person, decimal Hours, decimal Amount, int Declarations);

/// <summary>The concentration of the last 12 months; <see cref="Largest"/> (names) only for those who manage the indemnities.</summary>
public sealed record ConcentrationView(int People, decimal Total, decimal? TopShare, decimal? TopThreeShare, bool TooFewPeople,
    IReadOnlyList<string> Warnings, IReadOnlyList<PersonTotal>? Largest);

/// <summary>The officers' cap of the current month: 3/4 of the monthly SMIC in force, and the decree it comes from.</summary>
public sealed record OfficerCapView(DateOnly Month, decimal MonthlySmic, decimal Cap, string Source);

/// <summary>A person member a manager may declare time for.</summary>
public sealed record DeclarableMember(Guid MemberId, string Name);

/// <summary>The indemnities of a CPTS as the actor may see them.</summary>
public sealed record IndemnitySummary(Guid CptsId, string CptsName, Guid? MemberId, bool CanDeclare, bool CanRun, bool CanPay, bool SeesAll,
    IReadOnlyList<ScaleView> Scales, IReadOnlyList<ProfessionNote> Notes, IReadOnlyList<IndemnityAggregate> Aggregates, ConcentrationView Concentration,
    OfficerCapView? Cap, IReadOnlyList<DeclarableMember> Declarable, LocalClock Clock);

/// <summary>A payment batch with its declarations, the totals per person and the CPTS's profession notes (what the accountant gets).</summary>
public sealed record BatchDetail(PaymentBatch Batch, IReadOnlyList<DeclarationRow> Declarations, IReadOnlyList<PersonTotal> People,
    IReadOnlyList<ProfessionNote> Notes);

/// <summary>A batch in the list: its number, state and size.</summary>
public sealed record BatchSummary(PaymentBatch Batch, int Declarations, int People);

/// <summary>
/// Reads the indemnities of a CPTS: linked members see their own declarations, the validators and payers (<c>Run</c>, <c>Pay</c>) see all
/// and the batches, and every reader of the CPTS — officers included — sees the totals by year, profession and activity without names.
/// </summary>
public sealed class ReadIndemnities(MaillageDbContext db, Nomenclatures nomenclatures, Smic smic, IndemnityAccess access, MemberRoll roll)
{
    public async Task<Result<IndemnitySummary>> SummaryAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<IndemnitySummary>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var rights = scope.Rights;
        var scales = await db.Scales().AsNoTracking().Include(s => s.Rates).Where(s => s.CptsId == cptsId).ToListAsync(ct);
        var uses = (await db.TimeDeclarations().Where(d => d.CptsId == cptsId && d.ScaleId != null).Select(d => d.ScaleId!.Value).ToListAsync(ct))
            .CountBy(id => id).ToDictionary();
        var inForce = IndemnityRules.InForce(scales, scope.Today);
        var views = scales.OrderByDescending(s => s.EffectiveFrom)
            .Select(s => new ScaleView(s, s == inForce, uses.GetValueOrDefault(s.Id))).ToList();
        var notes = await NotesAsync(cptsId, ct);
        var counted = await CountedAsync(cptsId, ct);
        var people = await PeopleAsync(cptsId, counted.Select(c => c.MemberId), ct);
        var month = new DateOnly(scope.Today.Year, scope.Today.Month, 1);
        var cap = smic.RateOn(month) is { } rate
            ? new OfficerCapView(month, rate.For(scope.Mayotte).Monthly, IndemnityRules.OfficerCap(rate.For(scope.Mayotte).Monthly), rate.Source)
            : null;
        return Result<IndemnitySummary>.Ok(new IndemnitySummary(scope.Cpts.Id, scope.Cpts.Name, rights.MemberId, rights.MemberId is not null || rights.Run,
            rights.Run, rights.Pay, scope.Manages, views, notes, Aggregates(counted, people), Concentrate(counted, people, scope),
            cap, rights.Run ? await DeclarableAsync(cptsId, ct) : [], scope.Tenant.Clock));
    }

    /// <summary>The declarations the actor may see, newest mission first: all for <c>Run</c>/<c>Pay</c>, its own for a linked member.</summary>
    public async Task<Result<IReadOnlyList<DeclarationRow>>> DeclarationsAsync(Guid cptsId, Actor actor, DeclarationStatus? status = null,
        CancellationToken ct = default)
    {
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<IReadOnlyList<DeclarationRow>>.Fail(found.Errors);
        }

        var scope = found.Value!;
        if (!scope.Manages && scope.Rights.MemberId is null)
        {
            return Error.Forbidden();
        }

        var query = db.TimeDeclarations().AsNoTracking().Where(d => d.CptsId == cptsId);
        if (!scope.Manages)
        {
            query = query.Where(d => d.MemberId == scope.Rights.MemberId);
        }

        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        var rows = await RowsAsync(cptsId, await query.ToListAsync(ct), ct);
        return Result<IReadOnlyList<DeclarationRow>>.Ok(rows);
    }

    /// <summary>The payment batches, newest first: <c>Run</c>/<c>Pay</c>.</summary>
    public async Task<Result<IReadOnlyList<BatchSummary>>> BatchesAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, r => r.Run || r.Pay, ct);
        if (!scope.Succeeded)
        {
            return Result<IReadOnlyList<BatchSummary>>.Fail(scope.Errors);
        }

        var batches = await db.PaymentBatches().AsNoTracking().Where(b => b.CptsId == cptsId).ToListAsync(ct);
        var contents = (await db.TimeDeclarations().Where(d => d.CptsId == cptsId && d.PaymentBatchId != null)
            .Select(d => new { Batch = d.PaymentBatchId!.Value, d.MemberId }).ToListAsync(ct)).ToLookup(d => d.Batch);
        return Result<IReadOnlyList<BatchSummary>>.Ok([.. batches.OrderByDescending(b => b.Year).ThenByDescending(b => b.Sequence)
            .Select(b => new BatchSummary(b, contents[b.Id].Count(), contents[b.Id].Select(d => d.MemberId).Distinct().Count()))]);
    }

    /// <summary>A batch with its declarations, per-person totals and the profession notes: <c>Run</c>/<c>Pay</c>.</summary>
    public async Task<Result<BatchDetail>> BatchAsync(Guid cptsId, Guid batchId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, r => r.Run || r.Pay, ct);
        if (!scope.Succeeded)
        {
            return Result<BatchDetail>.Fail(scope.Errors);
        }

        var batch = await db.PaymentBatches().AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId && b.CptsId == cptsId, ct);
        if (batch is null)
        {
            return Error.NotFound("Lot de paiement");
        }

        var rows = await RowsAsync(cptsId, await db.TimeDeclarations().AsNoTracking().Where(d => d.PaymentBatchId == batchId).ToListAsync(ct), ct);
        var people = rows.GroupBy(r => r.Person.MemberId)
            .Select(g => new PersonTotal(g.First().Person, g.Sum(r => r.Declaration.Hours), g.Sum(r => r.Declaration.Amount ?? 0m), g.Count()))
            .OrderBy(p => p.Person.Name, StringComparer.Create(Platform.French.Culture, true)).ToList();
        return Result<BatchDetail>.Ok(new BatchDetail(batch, [.. rows.OrderBy(r => r.Person.Name, StringComparer.Create(Platform.French.Culture, true))
            .ThenBy(r => r.Declaration.MissionDate)], people, await NotesAsync(cptsId, ct)));
    }

    /// <summary>One declaration as the lists show it (after a change the caller was allowed to make).</summary>
    public async Task<DeclarationRow> RowAsync(TimeDeclaration declaration, CancellationToken ct = default) =>
        (await RowsAsync(declaration.CptsId, [declaration], ct)).Single();

    private async Task<IReadOnlyList<ProfessionNote>> NotesAsync(Guid cptsId, CancellationToken ct) =>
        [.. (await db.ProfessionNotes().AsNoTracking().Where(n => n.CptsId == cptsId).ToListAsync(ct))
            .OrderBy(n => nomenclatures.ProfessionLabel(n.ProfessionCode), StringComparer.Create(Platform.French.Culture, true))];

    /// <summary>Validated and paid declarations: what counts in the totals and the concentration.</summary>
    private async Task<List<TimeDeclaration>> CountedAsync(Guid cptsId, CancellationToken ct) =>
        await db.TimeDeclarations().AsNoTracking()
            .Where(d => d.CptsId == cptsId && (d.Status == DeclarationStatus.Validated || d.Status == DeclarationStatus.Paid)).ToListAsync(ct);

    private List<IndemnityAggregate> Aggregates(List<TimeDeclaration> counted, Dictionary<Guid, IndemnityPerson> people) =>
        [.. counted.GroupBy(d => (d.MissionDate.Year, Profession: people[d.MemberId].ProfessionCode, d.Activity))
            .Select(g => new IndemnityAggregate(g.Key.Year, g.Key.Profession, g.Key.Profession is { } p ? nomenclatures.ProfessionLabel(p) : "—", g.Key.Activity,
                g.Sum(d => d.Hours), g.Sum(d => d.Amount ?? 0m), g.Count()))
            .OrderByDescending(a => a.Year).ThenBy(a => a.Profession, StringComparer.Create(Platform.French.Culture, true)).ThenBy(a => a.Activity)];

    private static ConcentrationView Concentrate(List<TimeDeclaration> counted, Dictionary<Guid, IndemnityPerson> people, IndemnityScope scope)
    {
        var from = scope.Today.AddMonths(-IndemnityRules.MaxAgeMonths);
        var period = counted.Where(d => d.MissionDate > from && d.MissionDate <= scope.Today).ToList();
        var c = IndemnityRules.Concentration(period.Select(d => (d.MemberId, d.Amount ?? 0m)));
        var largest = scope.Manages
            ? c.Largest.Select(l => new PersonTotal(people[l.Person], period.Where(d => d.MemberId == l.Person).Sum(d => d.Hours), l.Amount,
                period.Count(d => d.MemberId == l.Person))).ToList()
            : null;
        return new ConcentrationView(c.People, c.Total, c.TopShare, c.TopThreeShare, c.TooFewPeople, c.Warnings, largest);
    }

    private async Task<List<DeclarationRow>> RowsAsync(Guid cptsId, List<TimeDeclaration> declarations, CancellationToken ct)
    {
        var people = await PeopleAsync(cptsId, declarations.Select(d => d.MemberId), ct);
        var batchIds = declarations.Select(d => d.PaymentBatchId).OfType<Guid>().Distinct().ToList();
        var batches = await db.PaymentBatches().AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        return [.. declarations.OrderByDescending(d => d.MissionDate).ThenByDescending(d => d.DeclaredAt).Select(d =>
        {
            var batch = d.PaymentBatchId is { } id ? batches[id] : null;
            return new DeclarationRow(d, people[d.MemberId], batch?.Number, batch?.PaidOn, batch?.PaidBy);
        })];
    }

    private async Task<Dictionary<Guid, IndemnityPerson>> PeopleAsync(Guid cptsId, IEnumerable<Guid> memberIds, CancellationToken ct)
    {
        var members = await roll.ByIdsAsync(cptsId, [.. memberIds], ct);
        return members.Values.Where(m => m.IsProfessional).ToDictionary(m => m.Id,
            m => new IndemnityPerson(m.Id, m.Name, m.Rpps!, m.ProfessionCode!, nomenclatures.ProfessionLabel(m.ProfessionCode!)));
    }

    private async Task<IReadOnlyList<DeclarableMember>> DeclarableAsync(Guid cptsId, CancellationToken ct)
    {
        var members = await roll.AllAsync(cptsId, ct);
        var people = await PeopleAsync(cptsId, members.Values.Where(m => m.IsProfessional && m.Eligible).Select(m => m.Id), ct);
        return [.. people.Values.Select(p => new DeclarableMember(p.MemberId, p.Name)).OrderBy(p => p.Name, StringComparer.Create(Platform.French.Culture, true))];
    }
}
