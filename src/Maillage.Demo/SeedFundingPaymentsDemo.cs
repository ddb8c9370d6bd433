using Maillage.Funding.Contracts;
using Maillage.Funding.Payments;
using Maillage.Funding.Schedule;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Demo;

/// <summary>
/// What the funders recorded for the demo CPTS du Pays de Redon (after <see cref="SeedFundingDemo"/>): on its first contract (2021–2026),
/// a serious health crisis in year 1 (the COVID-19 vaccination centre) and the operating funding and fixed-part advances of its five
/// years paid; on its renewal (2026–2031), the operating funding and the advance of year 1. The first contract is no longer the latest,
/// so its records go through the use cases' checks on that contract (its schedule computed from what is stored) instead of the API path.
/// </summary>
public sealed class SeedFundingPaymentsDemo(MaillageDbContext db, Tenancy tenancy, ReadFunding funding, RecordCrisis crises, RecordPayment payments)
{
    public async Task RunAsync(Guid redon, CancellationToken ct = default)
    {
        var today = (await tenancy.ForPlatformAsync(redon, ct)).Value!.Today;
        var contracts = await db.AciContracts().AsNoTracking().Include(c => c.Amendments).Where(c => c.CptsId == redon).OrderBy(c => c.Number).ToListAsync(ct);
        if (contracts.Count == 0)
        {
            throw new InvalidOperationException("Démo : la CPTS du Pays de Redon n'a pas de contrat ACI.");
        }

        var crisis = await crises.RecordAsync(contracts[0], new CrisisDraft(1, new DateOnly(2021, 2, 1),
            "Épidémie de COVID-19 : centre de vaccination de Redon ouvert et armé par les professionnels de la CPTS (médecins, infirmiers, pharmaciens)."),
            today, Actor.System, ct);
        Expect(crisis.Errors);
        foreach (var contract in contracts)
        {
            var lastYear = contract == contracts[^1] ? 1 : AciContract.Years;
            var schedule = await ScheduleAsync(contract, ct);
            foreach (var line in schedule.Where(l => l.Year <= lastYear && l.Part is PaymentPart.Operating or PaymentPart.FixedAdvance && l.DueOn <= today))
            {
                var paidOn = line.DueOn.AddDays(21) is var late && late <= today ? late : today;
                var paid = await payments.RecordAsync(contract, schedule, line.Year, line.Line, PaymentRules.Id(line.Part),
                    new PaymentDraft(line.Amount, paidOn, $"CPAM35-ACI-{line.DueOn.Year}-{contract.Number}{line.Year}"), today, Actor.System, ct);
                Expect(paid.Errors);
            }
        }
    }

    /// <summary>The schedule of a contract, from what is stored.</summary>
    private async Task<IReadOnlyList<ScheduleLine>> ScheduleAsync(AciContract contract, CancellationToken ct) =>
        (await funding.ComputeAsync(contract, ct) ?? throw new InvalidOperationException($"Démo : barème {contract.RuleSetId} inconnu.")).Schedule;

    private static void Expect(IReadOnlyList<Maillage.Platform.Errors.Error> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Démo : versement ou crise refusé : " + string.Join(" ", errors.Select(e => e.Message)));
        }
    }
}
