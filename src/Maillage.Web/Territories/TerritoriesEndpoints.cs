using Microsoft.AspNetCore.Http.HttpResults;
using Maillage.Territories.Published;

namespace Maillage.Web.Territories;

/// <summary>Reference geography and territory computation: <c>/api/geo</c>.</summary>
public static class TerritoriesEndpoints
{
    public sealed record CommuneDto(string Code, string Name, string Type, string Departement, string DepartementName, string Region,
        IReadOnlyList<string> PostalCodes, int Population, string? Epci, string? EpciName, string? Via);

    public sealed record EpciDto(string Code, string Name, string Type, int Population, int MemberCount);

    public sealed record EpciDetailDto(string Code, string Name, string Type, int Population, IReadOnlyList<UnitDto> Members);

    public sealed record UnitDto(string Code, string Name, int Population);

    public sealed record ErrorDto(string Code, string Message);

    public sealed record TerritoryDto(long Population, int Tier, string RuleSet, IReadOnlyList<UnitDto> Units, IReadOnlyList<ErrorDto> Errors);

    public static void MapTerritoriesApi(this WebApplication app)
    {
        var geo = app.MapGroup("/api/geo").RequireAuthorization().WithTags("Territories");
        geo.MapGet("/communes", SearchCommunes).WithName("SearchCommunes")
            .WithSummary("Communes and arrondissements by name (accent-insensitive, saint/st), postal code or INSEE code");
        geo.MapGet("/epci", SearchEpci).WithName("SearchEpci").WithSummary("EPCI by name or SIREN");
        geo.MapGet("/epci/{code}", GetEpci).WithName("GetEpci").WithSummary("An EPCI with its member communes");
        geo.MapGet("/territory", ComputeTerritory).WithName("ComputeTerritory")
            .WithSummary("Population, size tier and errors of a set of INSEE codes (code=…&code=… or codes=a,b), without writing anything");
    }

    private static Ok<List<CommuneDto>> SearchCommunes(GeoCatalog catalog, string? q, int? limit) =>
        TypedResults.Ok(catalog.Search(q, Math.Clamp(limit ?? 20, 1, 100)).Select(h => ToDto(catalog, h)).ToList());

    private static Ok<List<EpciDto>> SearchEpci(GeoCatalog catalog, string? q) =>
        TypedResults.Ok(catalog.SearchEpci(q).Select(e => new EpciDto(e.Code, e.Name, e.Type, e.Population, e.Members.Count)).ToList());

    private static Results<Ok<EpciDetailDto>, ProblemHttpResult> GetEpci(GeoCatalog catalog, string code) =>
        catalog.Epcis.TryGetValue(code, out var e)
            ? TypedResults.Ok(new EpciDetailDto(e.Code, e.Name, e.Type, e.Population,
                [.. e.Members.Select(m => catalog.Find(m)!).Select(u => new UnitDto(u.Code, u.Name, u.Population))]))
            : TypedResults.Problem($"Aucun EPCI n'a le SIREN {code}.", statusCode: StatusCodes.Status404NotFound, title: "Introuvable");

    private static Ok<TerritoryDto> ComputeTerritory(ComputeTerritory compute, string[]? code, string? codes)
    {
        var all = (code ?? []).Concat((codes ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)).Take(5000);
        var t = compute.Run(all);
        return TypedResults.Ok(new TerritoryDto(t.Population, t.Tier, t.RuleSet,
            [.. t.Units.Select(u => new UnitDto(u.Code, u.Name, u.Population))], [.. t.Errors.Select(e => new ErrorDto(e.Code, e.Message))]));
    }

    private static CommuneDto ToDto(GeoCatalog catalog, CommuneHit hit)
    {
        var u = hit.Unit;
        var epci = u.Epci is null ? null : catalog.Epcis.GetValueOrDefault(u.Epci);
        return new CommuneDto(u.Code, u.Name, u.Type == GeoUnitType.Arrondissement ? "arrondissement" : "commune", u.Departement,
            catalog.Departements.GetValueOrDefault(u.Departement)?.Name ?? u.Departement, u.Region, u.PostalCodes, u.Population,
            u.Epci, epci?.Name, hit.Via);
    }
}
