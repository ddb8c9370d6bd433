using System.Globalization;
using Maillage.Funding;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Maillage.Web.Api;

/// <summary>The ACI rule sets and the funding simulator: <c>/api/aci</c>, for any signed-in user.</summary>
public static class FundingEndpoints
{
    public static void MapFundingApi(this WebApplication app)
    {
        var aci = app.MapGroup("/api/aci").RequireAuthorization().WithTags("Funding");
        aci.MapGet("/rule-sets", RuleSets).WithName("AciRuleSets")
            .WithSummary("The versioned ACI rule sets: source, size tiers, and per line (operating, socle and optional missions) the fixed and variable amounts of each tier")
            .Produces<AciCatalogueDocument>();
        aci.MapGet("/simulate", Simulate).WithName("AciSimulate")
            .WithSummary("Maximum annual ACI funding for a population (or a CPTS you may read, with its stored tier): "
                + "ruleSet (default avenant2-2021), missions=all|access,pathways,…, crisisPlan=first|update, crisisOccurred=true|false")
            .Produces<AciSimulationDocument>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<AciCatalogueDocument> RuleSets(AciRuleSets sets) => TypedResults.Ok(AciCatalogueDocument.From(sets));

    private static async Task<IResult> Simulate(string? population, string? cpts, string? ruleSet, string? missions, string? crisisPlan,
        string? crisisOccurred, HttpContext http, SimulateAci simulate, SimulateAciForCpts forCpts, CancellationToken ct)
    {
        var options = AciInput.ParseOptions(ruleSet, missions, crisisPlan, crisisOccurred);
        var errors = new List<Error>(options.Errors);
        Guid? cptsId = null;
        Result<long>? inhabitants = null;
        if (!string.IsNullOrWhiteSpace(cpts))
        {
            if (!string.IsNullOrWhiteSpace(population))
            {
                errors.Add(new Error("population_or_cpts", "Donnez une population ou une CPTS, pas les deux.", "population"));
            }

            if (Guid.TryParse(cpts.Trim(), CultureInfo.InvariantCulture, out var id))
            {
                cptsId = id;
            }
            else
            {
                errors.Add(new Error("invalid_cpts", $"« {cpts.Trim()} » n'est pas l'identifiant d'une CPTS.", "cpts"));
            }
        }
        else
        {
            inhabitants = AciInput.ParsePopulation(population);
            errors.AddRange(inhabitants.Errors);
        }

        if (errors.Count > 0)
        {
            return errors.ToProblem();
        }

        var result = cptsId is { } cptsKey
            ? await forCpts.RunAsync(cptsKey, http.GetActor(), options.Value!, ct)
            : simulate.ForPopulation(inhabitants!.Value, options.Value!);
        return result.Succeeded ? TypedResults.Ok(result.Value!.ToDocument()) : result.ToProblem();
    }
}
