using Maillage.Funding.Payments;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Contracts;

/// <summary>What the funders recorded on the latest contract of a CPTS — serious health crises, payments — for whoever may read the CPTS.</summary>
public sealed class ReadFunderRecords(MaillageDbContext db, FundingAccess access)
{
    public sealed record CrisisList(FunderAccess.Found Found, IReadOnlyList<ContractCrisis> List);

    public sealed record PaymentList(FunderAccess.Found Found, IReadOnlyList<FundingPayment> List);

    public async Task<Result<CrisisList>> CrisesAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<CrisisList>.Fail(found.Errors);
        }

        var list = await db.ContractCrises().AsNoTracking().Where(c => c.ContractId == found.Value!.Contract.Id).ToListAsync(ct);
        return Result<CrisisList>.Ok(new CrisisList(found.Value!, [.. list.OrderBy(c => c.Year)]));
    }

    /// <summary>The payments by year, in the order of the grid's lines, then of the parts.</summary>
    public async Task<Result<PaymentList>> PaymentsAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<PaymentList>.Fail(found.Errors);
        }

        var list = await db.FundingPayments().AsNoTracking().Where(p => p.ContractId == found.Value!.Contract.Id).ToListAsync(ct);
        return Result<PaymentList>.Ok(new PaymentList(found.Value!,
            [.. list.OrderBy(p => p.Year).ThenBy(p => LineOrder(p.Line)).ThenBy(p => p.Part)]));
    }

    private static int LineOrder(string line) => AciLineIds.Known.ToList().IndexOf(line) is var i and >= 0 ? i : int.MaxValue;

    private Task<Result<FunderAccess.Found>> FindAsync(Guid cptsId, Actor actor, CancellationToken ct) =>
        access.FundersAsync(cptsId, actor, forChange: false, ct);
}
