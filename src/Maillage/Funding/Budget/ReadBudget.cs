using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Funding.Budget;

/// <summary>What the schedule of the CPTS's latest ACI contract expects in a calendar year: Σ of its payments due that year, and the part already decided.</summary>
public sealed record AciScheduled(int ContractNumber, decimal Expected, decimal Confirmed);

/// <summary>The budget of a CPTS for a year: its lines, their totals, what the ACI contract's schedule expects that year, and every year side by side.</summary>
public sealed record BudgetView(CptsInfo Cpts, FundingRights Rights, int Year, int FirstYear, int LastYear, IReadOnlyList<BudgetLine> Lines, BudgetSummary Summary,
    AciScheduled? Aci, IReadOnlyList<BudgetSummary> History);

/// <summary>Reads the budget of a CPTS for whoever may read the CPTS (others get a 404, as for the CPTS).</summary>
public sealed class ReadBudget(MaillageDbContext db, Schedule.ReadFunding funding, FundingAccess access)
{
    /// <summary>The budget of <paramref name="year"/> (default: the current calendar year where the CPTS is); a year out of range is a 400.</summary>
    public async Task<Result<BudgetView>> RunAsync(Guid cptsId, int? year, Actor actor, CancellationToken ct = default)
    {
        var found = await access.BudgetAsync(cptsId, actor, forChange: false, ct);
        if (!found.Succeeded)
        {
            return Result<BudgetView>.Fail(found.Errors);
        }

        var today = found.Value!.Today;
        var chosen = year ?? today.Year;
        if (BudgetRules.YearError(chosen, today.Year) is { } error)
        {
            return error;
        }

        var all = await db.BudgetLines().AsNoTracking().ToListAsync(ct);
        var lines = all.Where(l => l.Year == chosen).OrderBy(l => l.Direction).ThenBy(l => (int?)l.Source ?? (int)l.Category!.Value)
            .ThenBy(l => l.Mission is null ? int.MaxValue : BudgetLabels.Missions.ToList().IndexOf(l.Mission))
            .ThenBy(l => l.Label, StringComparer.Create(Platform.French.Culture, ignoreCase: true)).ThenBy(l => l.Id).ToList();
        return Result<BudgetView>.Ok(new BudgetView(found.Value.Cpts, found.Value.Rights, chosen, BudgetRules.FirstYear, BudgetRules.LastYear(today.Year), lines,
            BudgetRules.Summarise(chosen, lines), await AciAsync(cptsId, chosen, actor, ct), BudgetRules.ByYear(all)));
    }

    /// <summary>The schedule of the latest contract in that calendar year, or <c>null</c> when there is no contract or it cannot be computed.</summary>
    private async Task<AciScheduled?> AciAsync(Guid cptsId, int year, Actor actor, CancellationToken ct)
    {
        var result = await funding.RunAsync(cptsId, actor, ct);
        if (!result.Succeeded)
        {
            return null;
        }

        var due = result.Value!.Computation.Schedule.Where(s => s.DueOn.Year == year).ToList();
        return due.Count == 0 ? null : new AciScheduled(result.Value!.Contract.Number, due.Sum(s => s.Amount), due.Where(s => s.Confirmed).Sum(s => s.Amount));
    }
}
