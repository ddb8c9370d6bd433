using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Lifecycle.Published;

namespace Maillage.Web.Lifecycle;

/// <summary>A CPTS: identity, population and tier, stages with their durations, territory and audit trail.</summary>
public sealed class DetailsModel(ReadCpts read, RecordStage record, Maillage.Territories.Published.GeoCatalog geo) : PageModel, IRefusesForms
{
    public Maillage.Territories.Published.GeoCatalog Geo => geo;

    public CptsDetail? Detail { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanShape { get; private set; }

    /// <summary>Today where the CPTS is (its territory's time zone).</summary>
    public DateOnly Today => Detail!.Tenant.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStageAsync(Guid id, string? stage, DateOnly? date, int? version, bool confirmDissolution, CancellationToken ct)
    {
        // Dissolution cannot be undone: the page asks for an explicit confirmation (the API caller names the stage explicitly).
        var result = Stages.Parse(stage) == Stage.Dissolved && !confirmDissolution
            ? Result<Cpts>.Fail(new Error("confirm_dissolution", "Cochez « Je confirme la dissolution » pour dissoudre la CPTS.", "stage", ErrorKind.Conflict))
            : await record.RunAsync(id, stage, date, version, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Étape enregistrée : {result.Value!.Stage.French()}.";
            return Redirect($"/cpts/{id}");
        }

        if (result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        return await RefusedAsync(id, result.Errors, ct);
    }

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct) =>
        RefusedAsync(arguments.Get<Guid>("id"), errors, ct);

    private async Task<IActionResult> RefusedAsync(Guid id, IReadOnlyList<Error> errors, CancellationToken ct)
    {
        Errors = errors;
        Response.StatusCode = PageErrors.StatusOf(errors.Max(e => e.Kind));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var result = await read.GetAsync(id, actor, ct);
        if (!result.Succeeded)
        {
            return false;
        }

        Detail = result.Value;
        CanManage = Detail!.Tenant.Manages;
        CanShape = Detail.Tenant.Shapes;
        return true;
    }
}
