using Maillage.Lifecycle.Journal;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Lifecycle;

/// <summary>The journal of a CPTS, as sentences, filterable by area, person and period; for its coordinator, its officers and the admins.</summary>
public sealed class JournalModel(ReadJournal read) : PageModel
{
    public JournalPage? Journal { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (!ModelState.IsValid)
        {
            Errors = [new Error("date", "Une date de la période est mal écrite : choisissez-la dans le calendrier (jj/mm/aaaa).", "from")];
            (From, To) = (null, null);
        }

        var result = await read.RunAsync(id, new JournalQuery(Area, Who, From, To, PageNumber), actor, ct);
        if (!result.Succeeded && result.Kind is ErrorKind.Validation)
        {
            Errors = [.. Errors, .. result.Errors];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            result = await read.RunAsync(id, new JournalQuery(Page: PageNumber), actor, ct);
        }

        if (!result.Succeeded)
        {
            return StatusCode(PageErrors.StatusOf(result.Kind));
        }

        Journal = result.Value;
        return Page();
    }

    /// <summary>The link to another page of the same filtered journal.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["area"] = Area, ["who"] = Who, ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
