using Maillage.Funding.Contracts;
using Maillage.Funding.Schedule;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Payments;

/// <summary>
/// Records the payment received for a line of the latest contract's schedule (<see cref="PaymentRules"/>), by the officers of the ARS and
/// the CPAM recorded on the contract (the CPAM pays) or an admin (<see cref="FundingRights.Decide"/>). One payment per schedule line:
/// recording it again corrects it in place (who and when become the last writer's, the audit trail keeps every change); the unique index
/// makes a concurrent first record a 409.
/// </summary>
public sealed class RecordPayment(MaillageDbContext db, ReadFunding read, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<FundingPayment>> RunAsync(Guid cptsId, int year, string? line, string? part, PaymentDraft draft, Actor actor,
        CancellationToken ct = default)
    {
        var funding = await read.RunAsync(cptsId, actor, ct);
        return !funding.Succeeded ? Result<FundingPayment>.Fail(funding.Errors)
            : !funding.Value!.Rights.Decide ? funding.Value.Rights.DecideRefusal()
            : await RecordAsync(funding.Value.Contract, funding.Value.Computation.Schedule, year, line, part, draft, funding.Value.Today, actor, ct);
    }

    /// <summary>Records it against a given contract and its schedule (the demo records payments of a contract that has since been renewed),
    /// <paramref name="today"/> being the CPTS's.</summary>
    public async Task<Result<FundingPayment>> RecordAsync(AciContract contract, IReadOnlyList<ScheduleLine> schedule, int year, string? line, string? part,
        PaymentDraft draft, DateOnly today, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(draft);
        if (PaymentRules.Check(contract, schedule, year, line, part, draft, today) is { Count: > 0 } errors)
        {
            return Result<FundingPayment>.Fail(errors);
        }

        var (id, parsed) = (PaymentRules.NormaliseLine(line), PaymentRules.ParsePart(part)!.Value);
        var payment = await db.FundingPayments().FirstOrDefaultAsync(p => p.ContractId == contract.Id && p.Year == year && p.Line == id && p.Part == parsed, ct);
        if (payment is null)
        {
            payment = new FundingPayment { Id = Guid.NewGuid(), ContractId = contract.Id, Year = year, Line = id, Part = parsed };
            db.FundingPayments().Add(payment);
        }

        (payment.Amount, payment.PaidOn, payment.Reference) = (draft.Amount!.Value, draft.PaidOn!.Value, string.IsNullOrWhiteSpace(draft.Reference) ? null : draft.Reference.Trim());
        (payment.RecordedBy, payment.RecordedAt) = (actor.Name, clock.GetUtcNow());
        audit.Record(actor, contract.CptsId, "aci.payment.recorded",
            $"Versement {payment.Id} du contrat ACI {contract.Id} : année {year}, « {AciLabels.Line(id)} », {PaymentRules.Label(parsed).ToLower(Platform.French.Culture)}, "
            + $"{AciLabels.Euros(payment.Amount)} le {Platform.French.Date(payment.PaidOn)}.");
        return await db.SaveAsync(payment, ct);
    }
}
