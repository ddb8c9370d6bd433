using Maillage.Lifecycle.Coverage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Territories.Published;

namespace Maillage.Web.Lifecycle;

/// <summary>Coverage by région or département, with a map of France coloured by the share of the population covered.</summary>
public sealed class CoverageModel(ComputeCoverage compute, Maillage.Lifecycle.ComputeStageDelays delays, GeoCatalog geo) : PageModel
{
    /// <summary>Five classes of covered share, light to dark (sequential blues, readable by colour-blind people).</summary>
    public static IReadOnlyList<(int From, int To, string Color)> Classes { get; } =
        [(0, 20, "#f1eef6"), (20, 40, "#bdc9e1"), (40, 60, "#74a9cf"), (60, 80, "#2b8cbe"), (80, 100, "#045a8d")];

    /// <summary>The five DROM, drawn as labelled squares under metropolitan France.</summary>
    public static IReadOnlyList<(string Code, string Name, int X)> Insets { get; } =
        [("971", "Guadeloupe", 20), ("972", "Martinique", 110), ("973", "Guyane", 200), ("974", "La Réunion", 290), ("976", "Mayotte", 380)];

    [BindProperty(SupportsGet = true, Name = "niveau")]
    public string? LevelText { get; set; }

    public CoverageLevel Level { get; private set; }

    public string LevelId => Level == CoverageLevel.Region ? "region" : "departement";

    public CoverageReport? Table { get; private set; }

    public IReadOnlyDictionary<string, CoverageRow> Departements { get; private set; } = new Dictionary<string, CoverageRow>();

    public IReadOnlyList<Maillage.Lifecycle.StageDelay> Delays { get; private set; } = [];

    public MapOutline Map => geo.Map;

    public string ViewBox => WithInsets(geo.Map);

    /// <summary>The map's view box grown at the bottom for the row of DROM insets (<see cref="Insets"/>).</summary>
    public static string WithInsets(MapOutline map) =>
        map.ViewBox.Split(' ') is [var x, var y, var w, var h] ? $"{x} {y} {w} {int.Parse(h, System.Globalization.CultureInfo.InvariantCulture) + 75}" : map.ViewBox;

    public static string Color(CoverageRow? row) =>
        row is null ? "#ddd" : Classes.Last(c => row.CoveredShare * 100 >= c.From || c.From == 0).Color;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var parsed = ComputeCoverage.ParseLevel(LevelText);
        if (!parsed.Succeeded)
        {
            return BadRequest(parsed.Errors[0].Message);
        }

        Level = parsed.Value;
        var departements = await compute.RunAsync(CoverageLevel.Departement, ct);
        Departements = departements.Rows.ToDictionary(r => r.Code);
        Table = Level == CoverageLevel.Departement ? departements : await compute.RunAsync(CoverageLevel.Region, ct);
        Delays = await delays.RunAsync(null, ct);
        return Page();
    }
}
