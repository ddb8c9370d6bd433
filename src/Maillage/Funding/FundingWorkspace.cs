using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Reviews;
using Maillage.Funding.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Platform;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Funding;

/// <summary>
/// What the ACI contract has waiting. For the CPTS (coordinator, treasurer): indicator values missing and the dialogue de gestion to
/// prepare for a contract year that has ended or ends within <see cref="LeadDays"/> days. For the funders (the officers who decide): a
/// contract to record once the ACI is signed, a dialogue de gestion to conclude once its year has ended.
/// </summary>
public sealed class FundingToDo(MaillageDbContext db, FundingAccess access, TimeProvider clock) : IToDoSource
{
    /// <summary>How long before the end of a contract year its values and review are asked for.</summary>
    public const int LeadDays = 60;

    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var contract = await access.LatestContractAsync(tenant, ct);
        var rights = await access.RightsAsync(tenant, contract, ct);
        if (!rights.EditValues && !rights.Decide)
        {
            return [];
        }

        if (contract is null)
        {
            return rights.Decide && tenant.Cpts.Stage == Stage.AciSigned
                ? [new ToDo("funding.contract", "ACI signé : enregistrer le contrat", $"/cpts/{tenant.Id}/contrat")]
                : [];
        }

        var reviews = await db.AnnualReviews().AsNoTracking().Where(r => r.ContractId == contract.Id).ToListAsync(ct);
        var lines = new List<ToDo>();
        foreach (var year in YearsToReport(contract, tenant.Today))
        {
            var end = IndicatorRules.YearStart(contract, year + 1);
            var review = reviews.FirstOrDefault(r => r.Year == year);
            if (review?.Status == ReviewStatus.Decided)
            {
                continue;
            }

            if (rights.EditValues)
            {
                var missing = await db.ContractIndicators().Where(i => i.ContractId == contract.Id && (i.ObsoleteFromYear == null || i.ObsoleteFromYear > year)
                    && !i.Values.Any(v => v.Year == year)).CountAsync(ct);
                if (missing > 0)
                {
                    lines.Add(new ToDo("funding.indicator-values", $"{French.Count(missing, "indicateur sans valeur", "indicateurs sans valeur")} pour l'année {year} du contrat",
                        $"/cpts/{tenant.Id}/contrat/indicateurs", missing, end));
                }

                if (review is null)
                {
                    lines.Add(new ToDo("funding.review-prepare", $"Préparer le dialogue de gestion de l'année {year} (fin de l'année le {French.Date(end.AddDays(-1))})",
                        $"/cpts/{tenant.Id}/contrat/dialogue/{year}", Due: end));
                }
            }

            if (rights.Decide && review is { Status: ReviewStatus.Open } && end <= tenant.Today)
            {
                lines.Add(new ToDo("funding.review-decide", $"Conclure le dialogue de gestion de l'année {year}", $"/cpts/{tenant.Id}/contrat/dialogue/{year}", Due: end));
            }
        }

        return lines;
    }

    public async Task<IReadOnlyList<ToDo>> AcrossAsync(Actor actor, IReadOnlyList<CptsInfo> steered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steered);
        var ids = steered.Select(c => c.Id).ToList();
        var contracts = (await db.AciContracts().EveryCpts().AsNoTracking().Where(c => ids.Contains(c.CptsId)).ToListAsync(ct))
            .GroupBy(c => c.CptsId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Number)!);
        var lines = new List<ToDo>();
        foreach (var cpts in steered.Where(c => c.Stage == Stage.AciSigned && !contracts.ContainsKey(c.Id)))
        {
            lines.Add(new ToDo("funding.contract", "ACI signé : enregistrer le contrat", $"/cpts/{cpts.Id}/contrat") { CptsName = cpts.Name });
        }

        var contractIds = contracts.Values.Select(c => c.Id).ToList();
        var open = await db.AnnualReviews().AsNoTracking().Where(r => contractIds.Contains(r.ContractId) && r.Status == ReviewStatus.Open).ToListAsync(ct);
        foreach (var review in open)
        {
            var contract = contracts.Values.First(c => c.Id == review.ContractId);
            var cpts = steered.First(c => c.Id == contract.CptsId);
            var end = IndicatorRules.YearStart(contract, review.Year + 1);
            // Across régions, only the ARS and CPAM of the contract decide: the other officers of the territory are not asked.
            if (end <= new LocalClock(clock, cpts.TimeZone).Today && ContractFunders.Of(contract, cpts).Decide(actor))
            {
                lines.Add(new ToDo("funding.review-decide", $"Conclure le dialogue de gestion de l'année {review.Year}", $"/cpts/{cpts.Id}/contrat/dialogue/{review.Year}", Due: end)
                    { CptsName = cpts.Name });
            }
        }

        return lines;
    }

    /// <summary>The contract years whose end has passed or comes within <see cref="LeadDays"/> days.</summary>
    private static IEnumerable<int> YearsToReport(AciContract contract, DateOnly today) =>
        Enumerable.Range(1, AciContract.Years).Where(y => IndicatorRules.YearStart(contract, y) <= today
            && IndicatorRules.YearStart(contract, y + 1).AddDays(-LeadDays) <= today);
}

/// <summary>The contract in force (its year) and what the funders paid on it, for every reader of the CPTS.</summary>
public sealed class FundingFigures(MaillageDbContext db, FundingAccess access) : IKeyFigureSource
{
    public async Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var contract = await access.LatestContractAsync(tenant, ct);
        if (contract is null)
        {
            return [];
        }

        var href = $"/cpts/{tenant.Id}/contrat";
        var paid = (await db.FundingPayments().Where(p => p.ContractId == contract.Id).Select(p => p.Amount).ToListAsync(ct)).Sum();
        var year = IndicatorRules.YearOf(contract, tenant.Today);
        var current = contract.Covers(tenant.Today)
            ? new KeyFigure("funding.contract", "Contrat ACI", $"Année {year} sur {AciContract.Years}", $"jusqu'au {French.Date(IndicatorRules.YearStart(contract, year + 1).AddDays(-1))}", href)
            : new KeyFigure("funding.contract", "Contrat ACI", contract.SignedOn > tenant.Today ? "À venir" : "Échu", $"du {French.Date(contract.SignedOn)} au {French.Date(contract.LastDay)}", href);
        return [current, new("funding.paid", "Versé par l'Assurance maladie", paid.ToString("N0", French.Culture) + " €", "depuis la signature du contrat", $"/cpts/{tenant.Id}/contrat/versements")];
    }
}
