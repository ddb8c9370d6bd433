using Maillage.Lifecycle.Coverage;
using Maillage.Web.Platform;

namespace Maillage.Web.Lifecycle;

/// <summary>National and regional coverage: <c>/api/coverage</c>.</summary>
public static class CoverageEndpoints
{
    public sealed record RowDto(string Code, string Name, long Population, long CoveredPopulation, long AciPopulation, double CoveredShare, double AciShare,
        int PreProject, int LetterValidated, int HealthProjectValidated, int AciSigned, int CptsCount, int UncoveredCommunes, long UncoveredPopulation);

    public sealed record StageDelayDto(string From, string To, int Count, int? MedianDays, int? LongestDays);

    public sealed record ReportDto(string Level, string Vintage, IReadOnlyList<RowDto> Rows, RowDto Total);

    public static void MapCoverageApi(this WebApplication app)
    {
        var coverage = app.MapGroup("/api/coverage").RequireAuthorization().WithTags("Coverage");
        coverage.MapGet("/", Get).WithName("Coverage")
            .WithSummary("CPTS by stage and population covered (formal stage, signed ACI) per région or département, with zones blanches")
            .Produces<ReportDto>().ProducesValidationProblem();
        coverage.MapGet("/export", Export).WithName("CoverageExport").WithSummary("The same table as CSV (format=csv) or Excel (format=xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        coverage.MapGet("/stage-delays", StageDelays).WithName("StageDelays")
            .WithSummary("Median and longest days between consecutive stages, nationally or for one région (region=52)")
            .Produces<List<StageDelayDto>>();
        coverage.MapGet("/departements/{code}/uncovered", Uncovered).WithName("UncoveredCommunes")
            .WithSummary("Communes of a département not covered by a CPTS at a formal stage, most populated first")
            .Produces<IReadOnlyList<Maillage.Lifecycle.Coverage.UncoveredCommune>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static RowDto ToDto(CoverageRow r) => new(r.Code, r.Name, r.Population, r.CoveredPopulation, r.AciPopulation,
        Math.Round(r.CoveredShare, 4), Math.Round(r.AciShare, 4), r.PreProject, r.LetterValidated, r.HealthProjectValidated, r.AciSigned,
        r.CptsCount, r.UncoveredCommunes, r.UncoveredPopulation);

    private static async Task<IResult> Get(string? level, ComputeCoverage compute, CancellationToken ct)
    {
        var parsed = ComputeCoverage.ParseLevel(level);
        if (!parsed.Succeeded)
        {
            return parsed.ToProblem();
        }

        var report = await compute.RunAsync(parsed.Value, ct);
        return TypedResults.Ok(new ReportDto(parsed.Value == CoverageLevel.Region ? "region" : "departement", report.Vintage,
            [.. report.Rows.Select(ToDto)], ToDto(report.Total)));
    }

    private static async Task<IResult> Export(string? level, string? format, ComputeCoverage compute, CancellationToken ct)
    {
        var parsed = ComputeCoverage.ParseLevel(level);
        if (!parsed.Succeeded)
        {
            return parsed.ToProblem();
        }

        var report = await compute.RunAsync(parsed.Value, ct);
        var name = $"couverture-cpts-{(parsed.Value == CoverageLevel.Region ? "regions" : "departements")}";
        var stream = new MemoryStream();
        switch (format?.ToLowerInvariant())
        {
            case "csv" or null or "":
                await CoverageExport.WriteCsvAsync(report, stream, ct);
                stream.Position = 0;
                return TypedResults.File(stream, "text/csv; charset=utf-8", name + ".csv");
            case "xlsx":
                CoverageExport.WriteExcel(report, stream);
                stream.Position = 0;
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            default:
                await stream.DisposeAsync();
                return new[] { new Maillage.Platform.Errors.Error("invalid_format", $"Format « {format} » inconnu : csv ou xlsx.", "format") }.ToProblem();
        }
    }

    private static async Task<IResult> StageDelays(string? region, Maillage.Lifecycle.ComputeStageDelays compute, CancellationToken ct) =>
        TypedResults.Ok((await compute.RunAsync(string.IsNullOrWhiteSpace(region) ? null : region.Trim(), ct))
            .Select(d => new StageDelayDto(Maillage.Lifecycle.Published.Stages.Id(d.From), Maillage.Lifecycle.Published.Stages.Id(d.To), d.Count, d.MedianDays, d.LongestDays)).ToList());

    private static async Task<IResult> Uncovered(string code, ComputeCoverage compute, CancellationToken ct)
    {
        var result = await compute.UncoveredAsync(code, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.ToProblem();
    }
}
