using System.Globalization;
using Maillage.Funding;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Maillage.Web.Funding.Indicators;
using Maillage.Web.Funding.Contracts;
using Maillage.Platform.Indicators;
using Maillage.Territories.Published;

namespace Maillage.Web.Funding;

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
        MapContractApi(app);
    }

    /// <summary>
    /// The ACI contract of a CPTS: read by whoever may read the CPTS, recorded by an officer of the ARS or the CPAM that signed it (or an admin),
    /// then edited and amended by the officers of the ARS and the CPAM recorded on it or an admin (a 403 that says who decides for the others).
    /// </summary>
    private static void MapContractApi(WebApplication app)
    {
        var contract = app.MapGroup("/api/cpts/{id:guid}/contract").RequireAuthorization().WithTags("Funding");
        contract.MapGet("/", GetContract).WithName("GetAciContract").WithSummary("The ACI contract of a CPTS with its amendments (404 if none)")
            .Produces<ContractDtos.Contract>().ProducesProblem(StatusCodes.Status404NotFound);
        contract.MapPost("/", CreateContract).WithName("CreateAciContract")
            .WithSummary("Records the ACI contract (CPTS at stage aci-signed): ruleSet (default: the default one), signedOn, arsSignatory, cpamSignatory, "
                + "missions (optional ones: quality, support), crisisPlanYear (default: signature year), summary, fixedAdvanceShare (default 0.75), "
                + "variableRule (proportional|threshold|all-or-nothing), variableFloor (threshold only), balanceMonths (default 3), arsRegion and "
                + "cpamDepartement (INSEE codes of the signing ARS's région and CPAM's département, required when the territory has several); the tier is the CPTS's")
            .Produces<ContractDtos.Contract>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        contract.MapPut("/", EditContract).WithName("EditAciContract")
            .WithSummary("Edits the signatories, the summary and (when given) arsRegion and cpamDepartement; `version` is required and a stale one gets 409")
            .Produces<ContractDtos.Contract>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        contract.MapPost("/amendments", Amend).WithName("AmendAciContract")
            .WithSummary("Records the next amendment: effectiveOn, addedMissions, removedMissions, tier and tierReason, summary, version (optional)")
            .Produces<ContractDtos.Contract>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        contract.MapGet("/terms", Terms).WithName("AciContractTerms")
            .WithSummary("Missions and tier in force on a date (default today) and the maximum annual funding for them under the contract's rule set")
            .Produces<ContractDtos.Terms>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        MapIndicatorApi(contract);
    }

    /// <summary>The indicators of the contract: read by whoever may read the contract, set by the coordinator of the CPTS or an admin.</summary>
    private static void MapIndicatorApi(RouteGroupBuilder contract)
    {
        contract.MapGet("/indicators", Indicators).WithName("AciIndicators")
            .WithSummary("The indicators of the contract's missions with their targets and values per contract year (1 to 5)")
            .Produces<IReadOnlyList<IndicatorDtos.Indicator>>().ProducesProblem(StatusCodes.Status404NotFound);
        contract.MapPost("/indicators", CreateIndicator).WithName("CreateAciIndicator")
            .WithSummary("Adds an indicator: mission (a mission of the contract), name, kind (means|process|result), unit, localInitiative, "
                + "weight (in ]0, 1]; a mission's weights sum to 1), targets [{year, target}], source (manual|computed) and sourceKey (computed ones)")
            .Produces<IndicatorDtos.Indicator>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        contract.MapPut("/indicators/{indicatorId:guid}", EditIndicator).WithName("EditAciIndicator")
            .WithSummary("Changes an indicator and replaces its targets (source omitted: kept); `version` is required and a stale one gets 409")
            .Produces<IndicatorDtos.Indicator>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        contract.MapPut("/indicators/{indicatorId:guid}/values/{year:int}", RecordValue).WithName("RecordAciIndicatorValue")
            .WithSummary("Records (or corrects) the value achieved in a contract year that has begun and has a target: achieved, justification, evidence "
                + "(a document reference or link); coordinator, treasurer or admin; refused for a computed indicator")
            .Produces<IndicatorDtos.Indicator>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        contract.MapGet("/achievement", Achievement).WithName("AciAchievement")
            .WithSummary("Per mission for a contract year (default: the current one): indicators with target, value and rate, the weights' sum, "
                + "the variable envelope and the expected variable part = envelope × Σ weight × min(achieved / target, 1)")
            .Produces<IndicatorDtos.Achievement>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        contract.MapIndicatorLifecycleApi();
    }

    private static async Task<IResult> Indicators(Guid id, HttpContext http, ReadIndicators read, IndicatorSources sources, CancellationToken ct)
    {
        var result = await read.ListAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Indicators.Select(i => IndicatorDtos.From(i, sources)).ToList()) : result.ToProblem();
    }

    private static async Task<IResult> CreateIndicator(Guid id, IndicatorDtos.IndicatorRequest body, HttpContext http, SaveIndicator save, IndicatorSources sources,
        CancellationToken ct)
    {
        var result = await save.CreateAsync(id, body.ToDraft(), body.ToSource(), http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/contract/indicators/{result.Value!.Id}", IndicatorDtos.From(result.Value!, sources))
            : result.ToProblem();
    }

    private static async Task<IResult> EditIndicator(Guid id, Guid indicatorId, IndicatorDtos.IndicatorRequest body, HttpContext http, SaveIndicator save,
        IndicatorSources sources, CancellationToken ct)
    {
        var result = await save.EditAsync(id, indicatorId, body.ToDraft(), body.ToSource(), body.Version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(IndicatorDtos.From(result.Value!, sources)) : result.ToProblem();
    }

    private static async Task<IResult> RecordValue(Guid id, Guid indicatorId, int year, IndicatorDtos.ValueRequest body, HttpContext http,
        RecordIndicatorValue record, IndicatorSources sources, CancellationToken ct)
    {
        var result = await record.RunAsync(id, indicatorId, year, body.Achieved, body.Justification, body.Evidence, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(IndicatorDtos.From(result.Value!, sources)) : result.ToProblem();
    }

    private static async Task<IResult> Achievement(Guid id, string? year, HttpContext http, ReadIndicators read, CancellationToken ct)
    {
        var chosen = IndicatorLifecycleEndpoints.ParseYear(year);
        if (!chosen.Succeeded)
        {
            return chosen.ToProblem();
        }

        var result = await read.AchievementAsync(id, chosen.Value, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(IndicatorDtos.From(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> GetContract(Guid id, HttpContext http, ReadContract read, GeoCatalog geo, CancellationToken ct)
    {
        var result = await read.GetAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ContractDtos.From(result.Value!, geo)) : result.ToProblem();
    }

    private static async Task<IResult> CreateContract(Guid id, ContractDtos.ContractRequest body, HttpContext http, RecordContract record, GeoCatalog geo,
        CancellationToken ct)
    {
        var result = await record.RunAsync(id, body.ToDraft(), body.Parameters(), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Created($"/api/cpts/{id}/contract", ContractDtos.From(result.Value!, geo)) : result.ToProblem();
    }

    private static async Task<IResult> EditContract(Guid id, ContractDtos.EditRequest body, HttpContext http, EditContract edit, GeoCatalog geo, CancellationToken ct)
    {
        var result = await edit.RunAsync(id, body.ArsSignatory, body.CpamSignatory, body.Summary, body.ArsRegion, body.CpamDepartement, body.Version,
            http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ContractDtos.From(result.Value!, geo)) : result.ToProblem();
    }

    private static async Task<IResult> Amend(Guid id, ContractDtos.AmendmentRequest body, HttpContext http, AmendContract amend, GeoCatalog geo, CancellationToken ct)
    {
        var draft = new AmendmentDraft(body.EffectiveOn, body.AddedMissions, body.RemovedMissions, body.Tier, body.TierReason, body.Summary);
        var result = await amend.RunAsync(id, draft, body.Version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Created($"/api/cpts/{id}/contract", ContractDtos.From(result.Value!, geo)) : result.ToProblem();
    }

    private static async Task<IResult> Terms(Guid id, string? date, HttpContext http, ReadContract read, CancellationToken ct)
    {
        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return new[] { new Error("invalid_date", $"« {date.Trim()} » n'est pas une date (attendu AAAA-MM-JJ).", "date") }.ToProblem();
            }

            on = parsed;
        }

        var result = await read.TermsAsync(id, on, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ContractDtos.From(result.Value!)) : result.ToProblem();
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
