using Maillage.Lifecycle;
using Maillage.Lifecycle.Coverage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Territories.Published;

namespace Maillage.Web.Lifecycle;

/// <summary>One département: the CPTS present and its zones blanches.</summary>
public sealed class DepartementModel(ComputeCoverage compute, ReadCpts read, GeoCatalog geo) : PageModel
{
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public IReadOnlyList<CptsListItem> Cpts { get; private set; } = [];

    public IReadOnlyList<UncoveredCommune> Uncovered { get; private set; } = [];

    /// <summary>The département's coverage by intercommunalité, most uncovered first.</summary>
    public IReadOnlyList<EpciCoverage> Epcis { get; private set; } = [];

    public GeoCatalog Geo => geo;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var uncovered = await compute.DepartementAsync(code.ToUpperInvariant(), ct);
        if (!uncovered.Succeeded)
        {
            return NotFound();
        }

        Code = code.ToUpperInvariant();
        Name = geo.Departements[Code].Name;
        (Uncovered, Epcis) = (uncovered.Value!.Uncovered, uncovered.Value.Epcis);
        Cpts = await read.InDepartementAsync(Code, ct);
        return Page();
    }
}
