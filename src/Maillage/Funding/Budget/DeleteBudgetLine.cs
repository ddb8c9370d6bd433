using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Budget;

/// <summary>Deletes a line of the budget of a CPTS, against the version the user read (a line changed meanwhile is a 409).</summary>
public sealed class DeleteBudgetLine(MaillageDbContext db, AuditTrail audit, FundingAccess access)
{
    public async Task<Result<BudgetLine>> RunAsync(Guid cptsId, Guid lineId, int? version, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await SaveBudgetLine.FindLineAsync(db, access, cptsId, lineId, version, actor, ct);
        if (!found.Succeeded)
        {
            return Result<BudgetLine>.Fail(found.Errors);
        }

        var line = found.Value.Line;
        db.BudgetLines().Remove(line);
        audit.Record(actor, cptsId, "funding.budget.line_deleted", SaveBudgetLine.Describe(line, "supprimée"));
        return await db.SaveAsync(line, ct);
    }
}
