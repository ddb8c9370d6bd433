using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Payments;

/// <summary>
/// Removes the payment recorded for a schedule line of the latest contract (the officers of the ARS and the CPAM recorded on the contract,
/// or an admin).
/// </summary>
public sealed class DeletePayment(MaillageDbContext db, AuditTrail audit, FundingAccess access)
{
    public async Task<Result<FundingPayment>> RunAsync(Guid cptsId, int year, string? line, string? part, Actor actor, CancellationToken ct = default)
    {
        var found = await access.FundersAsync(cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<FundingPayment>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        var (id, parsed) = (PaymentRules.NormaliseLine(line), PaymentRules.ParsePart(part));
        var payment = parsed is { } p
            ? await db.FundingPayments().FirstOrDefaultAsync(x => x.ContractId == contract.Id && x.Year == year && x.Line == id && x.Part == p, ct)
            : null;
        if (payment is null)
        {
            return PaymentRules.NotFound();
        }

        db.FundingPayments().Remove(payment);
        audit.Record(actor, cptsId, "aci.payment.deleted",
            $"Versement {payment.Id} du contrat ACI {contract.Id} supprimé : année {year}, « {AciLabels.Line(id)} », {PaymentRules.Label(payment.Part).ToLower(Platform.French.Culture)}.");
        return await db.SaveAsync(payment, ct);
    }
}
