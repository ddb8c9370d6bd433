using Maillage.Funding.Budget;
using Maillage.Platform.Tenancy;
using Maillage.Lifecycle.Published;

namespace Maillage.Demo;

/// <summary>
/// The budget of the demo CPTS du Pays de Redon for last year (closed: actual amounts known) and this year (under way): the ACI, the FIR seed
/// funding of the ARS, a call for projects and the département as income; the coordinator's salary, indemnities, software, communication and a
/// training evening as spending fléchée by mission and action sheet — and this year one line that funds care (a fee top-up for on-call duty),
/// flagged as outside the ACI.
/// </summary>
public sealed class SeedFundingBudgetDemo(SaveBudgetLine save, Tenancy tenancy)
{
    public async Task RunAsync(Guid redon, CancellationToken ct = default)
    {
        var year = (await tenancy.ForPlatformAsync(redon, ct)).Value!.Today.Year;
        (string Direction, string Kind, string? Mission, string? Sheet, string Label, decimal Planned, decimal? LastYear, decimal? ThisYear)[] lines =
        [
            ("income", "aci", null, null, "Financement ACI (Assurance maladie)", 262_500m, 258_300m, 196_875m),
            ("income", "fir", null, null, "FIR : financement d'amorçage de l'ARS Bretagne", 20_000m, 20_000m, null),
            ("income", "call-for-projects", null, null, "Appel à projets ARS « Prévention des chutes des personnes âgées »", 15_000m, 15_000m, 7_500m),
            ("income", "local-authority", null, null, "Subvention du département d'Ille-et-Vilaine", 8_000m, 8_000m, null),
            ("spending", "coordination", "operating", null, "Salaire et charges de la coordinatrice", 78_000m, 77_420.56m, 64_850m),
            ("spending", "indemnities", "pathways", "FA 2.1 Parcours insuffisance cardiaque", "Indemnités des professionnels, parcours insuffisance cardiaque",
                24_000m, 21_750m, 15_250m),
            ("spending", "indemnities", "access", "FA 1.1 Un médecin traitant pour chacun", "Indemnités des professionnels, accès au médecin traitant",
                18_000m, 16_200m, 11_400m),
            ("spending", "equipment", "operating", null, "Logiciel de coordination et messagerie sécurisée", 6_500m, 6_480m, 6_480m),
            ("spending", "communication", "operating", null, "Site internet et lettre d'information", 4_000m, 3_650.40m, 2_100m),
            ("spending", "training", "quality", "FA 5.1 Pertinence des prescriptions", "Soirée de formation « Bon usage des antibiotiques »",
                3_500m, 3_180m, 3_240m),
        ];
        foreach (var l in lines)
        {
            var (source, category) = l.Direction == "income" ? (l.Kind, (string?)null) : (null, l.Kind);
            await AddAsync(redon, new BudgetLineDraft(l.Direction, year - 1, source, category, l.Mission, l.Sheet, l.Label, l.Planned, l.LastYear, null), ct);
            var planned = Math.Round(l.Planned * 1.04m, 0, MidpointRounding.AwayFromZero);
            await AddAsync(redon, new BudgetLineDraft(l.Direction, year, source, category, l.Mission, l.Sheet, l.Label, planned, l.ThisYear,
                l.ThisYear is null ? "Versement attendu au second semestre." : null), ct);
        }

        await AddAsync(redon, new BudgetLineDraft("spending", year, null, "fee-top-up", "access", "FA 1.2 Soins non programmés", "Complément d'honoraires astreinte",
            7_200m, 4_800m, "Demandé par le bureau ; à financer hors ACI (l'ACI finance l'organisation, pas les soins)."), ct);
    }

    private async Task AddAsync(Guid redon, BudgetLineDraft draft, CancellationToken ct)
    {
        var result = await save.CreateAsync(redon, draft, Actor.System, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Démo : ligne de budget refusée : " + string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }
}
