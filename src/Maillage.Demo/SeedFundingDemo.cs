using Maillage.Funding.Contracts;
using Maillage.Platform.Tenancy;

namespace Maillage.Demo;

/// <summary>
/// The ACI contract of the demo CPTS du Pays de Redon (stage « ACI signé » since 28/01/2021): the socle missions and the support of
/// professionals, then an avenant adding the quality mission; renewed on 28/01/2026 when the first five years ended, with every mission.
/// Both are signed by the ARS Bretagne (région 53) and the CPAM of Ille-et-Vilaine (35): Redon also has communes in Loire-Atlantique, in
/// Pays de la Loire, whose officers read the contract but do not decide (issue 11).
/// </summary>
public sealed class SeedFundingDemo(RecordContract record, AmendContract amend)
{
    /// <summary>The région of the ARS that signed (Bretagne) and the département of the CPAM (Ille-et-Vilaine).</summary>
    public const string ArsRegion = "53";

    public const string CpamDepartement = "35";

    public async Task RunAsync(Guid redon, CancellationToken ct = default)
    {
        var contract = await record.RunAsync(redon, new ContractDraft("avenant2-2021", new DateOnly(2021, 1, 28),
            "Directeur général de l'ARS Bretagne", "Directeur de la CPAM d'Ille-et-Vilaine", ["support"], 2021,
            "Contrat tripartite CPTS – ARS Bretagne – CPAM d'Ille-et-Vilaine, signé en comité de pilotage.", ArsRegion, CpamDepartement), Actor.System, ct);
        Expect(contract.Errors);
        var amended = await amend.RunAsync(redon, new AmendmentDraft(new DateOnly(2022, 9, 1), ["quality"], null, null, null,
            "Avenant n° 1 : ajout de la mission « Qualité et pertinence » (parcours insuffisance cardiaque)."), null, Actor.System, ct);
        Expect(amended.Errors);
        var renewed = await record.RunAsync(redon, new ContractDraft("avenant2-2021", new DateOnly(2026, 1, 28),
            "Directeur général de l'ARS Bretagne", "Directeur de la CPAM d'Ille-et-Vilaine", ["quality", "support"], null,
            "Renouvellement du contrat tripartite pour cinq ans, toutes missions.", ArsRegion, CpamDepartement), Actor.System, ct);
        Expect(renewed.Errors);
    }

    private static void Expect(IReadOnlyList<Maillage.Platform.Errors.Error> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Démo : contrat ACI refusé : " + string.Join(" ", errors.Select(e => e.Message)));
        }
    }
}
