using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Budget;

/// <summary>
/// Adds a line to the budget of a CPTS, or changes one against the version the user read. Spending that funds care is accepted and flagged
/// (<see cref="BudgetLabels.Warning"/>). The audit trail keeps ids, the year and the amounts, never the label or the note.
/// </summary>
public sealed class SaveBudgetLine(MaillageDbContext db, AuditTrail audit, TimeProvider clock, FundingAccess access)
{
    public async Task<Result<BudgetLine>> CreateAsync(Guid cptsId, BudgetLineDraft draft, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.BudgetAsync(cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<BudgetLine>.Fail(found.Errors);
        }

        var fields = BudgetRules.Check(draft, found.Value!.Today.Year);
        if (!fields.Succeeded)
        {
            return Result<BudgetLine>.Fail(fields.Errors);
        }

        var line = new BudgetLine { Id = Guid.NewGuid(), CptsId = cptsId, RecordedBy = actor.Name, RecordedAt = clock.GetUtcNow() };
        fields.Value!.ApplyTo(line);
        db.BudgetLines().Add(line);
        audit.Record(actor, cptsId, "funding.budget.line_added", Describe(line, "ajoutée"));
        return await db.SaveAsync(line, ct);
    }

    public async Task<Result<BudgetLine>> EditAsync(Guid cptsId, Guid lineId, BudgetLineDraft draft, int? version, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await FindLineAsync(db, access, cptsId, lineId, version, actor, ct);
        if (!found.Succeeded)
        {
            return Result<BudgetLine>.Fail(found.Errors);
        }

        var (line, scope) = found.Value!;
        var fields = BudgetRules.Check(draft, scope.Today.Year);
        if (!fields.Succeeded)
        {
            return Result<BudgetLine>.Fail(fields.Errors);
        }

        fields.Value!.ApplyTo(line);
        (line.RecordedBy, line.RecordedAt) = (actor.Name, clock.GetUtcNow());
        db.Entry(line).State = EntityState.Modified;
        audit.Record(actor, cptsId, "funding.budget.line_edited", Describe(line, "modifiée"));
        return await db.SaveAsync(line, ct);
    }

    /// <summary>
    /// The line of the CPTS, tracked with the version the user read as its original version: 404 if the CPTS is not readable or the line not
    /// its own, 403 if the actor may not write, 400 without a version, 409 if the version is stale.
    /// </summary>
    internal static async Task<Result<(BudgetLine Line, BudgetAccess.Scope Scope)>> FindLineAsync(MaillageDbContext db, FundingAccess access, Guid cptsId,
        Guid lineId, int? version, Actor actor, CancellationToken ct)
    {
        var found = await access.BudgetAsync(cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<(BudgetLine, BudgetAccess.Scope)>.Fail(found.Errors);
        }

        var line = await db.BudgetLines().FirstOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null)
        {
            return BudgetAccess.NotFound();
        }

        if (version is not { } expected)
        {
            return new Error("version_required", "Indiquez la version lue (champ version) pour éviter d'écraser une modification concurrente.", "version");
        }

        if (expected != line.Version)
        {
            return Error.Stale();
        }

        db.Entry(line).Property(l => l.Version).OriginalValue = expected;
        return Result<(BudgetLine, BudgetAccess.Scope)>.Ok((line, found.Value!));
    }

    /// <summary>
    /// Year, kind, mission and amounts, in French words (« recette « FIR, financement d'amorçage de l'ARS », prévu 20 000 € »), never the
    /// API's ids: the label and the note are free text and may name people, so they stay out.
    /// </summary>
    internal static string Describe(BudgetLine line, string what) =>
        $"Ligne de budget {line.Id} {what} : {line.Year}, {(line.Direction == BudgetDirection.Income ? "recette" : "dépense")} « {BudgetLabels.Kind(line)} »"
        + $"{(line.Mission is { } m && m != BudgetLabels.None ? ", mission « " + BudgetLabels.MissionLabel(m) + " »" : "")}, prévu {AciLabels.Euros(line.Planned)}, "
        + $"réalisé {(line.Actual is { } a ? AciLabels.Euros(a) : "—")}"
        + (line.FundsCare ? " (hors ACI : finance des soins)." : ".");
}
