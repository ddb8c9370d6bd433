using Maillage.Platform;
using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>« Importer une liste »: a CSV of patients (e.g. the CPAM's), with a report line by line; valid lines are kept.</summary>
public sealed class ImportModel(TreatingAccess access, ImportRequests import) : FormPageModel
{
    public TreatingScope? Scope { get; private set; }

    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, string? source, bool queued, CancellationToken ct)
    {
        if (await PageAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            Outcome([new Maillage.Platform.Errors.Error("file_required", "Choisissez le fichier CSV à importer.", "file")], null);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await import.RunAsync(id, stream, string.IsNullOrWhiteSpace(source) ? file.FileName : source.Trim(), queued, HttpContext.GetActor(), ct);
        Report = result.Value;
        Outcome(result.Errors, Report is { } r
            ? $"{French.Count(r.Created, "demande créée", "demandes créées")}, {French.Count(r.Merged, "ligne fusionnée", "lignes fusionnées")} avec une demande existante, "
              + $"{French.Count(r.Problems.Select(p => p.Line).Distinct().Count(), "ligne refusée", "lignes refusées")} sur {French.Number(r.Lines)}."
            : null);
        return Page();
    }

    private async Task<IActionResult?> PageAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ResolveAsync(id, HttpContext.GetActor(), ct);
        if (!scope.Succeeded)
        {
            return NotFound();
        }

        Scope = scope.Value!;
        return Scope.Manages ? null : ForbiddenPage();
    }
}
