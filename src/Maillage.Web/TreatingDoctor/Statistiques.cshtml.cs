using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>« Suivi médecin traitant »: the pipeline, the delays, outcomes by priority group and commune, twelve months — for the team and the officers.</summary>
public sealed class StatistiquesModel(ReadTreatingStatistics read) : FormPageModel
{
    public TreatingStatistics? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await read.RunAsync(id, HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.Kind == Maillage.Platform.Errors.ErrorKind.Forbidden ? ForbiddenPage() : NotFound();
        }

        Figures = result.Value!;
        return Page();
    }
}
