using Maillage.Association;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Association;

/// <summary>
/// The meetings of a CPTS's bodies (AG, conseil d'administration, bureau), upcoming and past, for its members and managers; those who
/// run the association (coordinator, admin, bureau member) plan a new one.
/// </summary>
public sealed class MeetingsModel(ReadMeetings read, CreateMeeting create) : PageModel
{
    public MeetingList? List { get; private set; }

    public bool Forbidden { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    /// <summary>What the creation form keeps after an error.</summary>
    public MeetingInput Form { get; private set; } = new("general-assembly", null, null, null, null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostCreateAsync(Guid id, string? body, string? title, string? startsAt, string? endsAt, string? location,
        bool extraordinary, CancellationToken ct)
    {
        Form = new MeetingInput(body, title, startsAt, endsAt, location, extraordinary);
        var result = await create.RunAsync(id, Form, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = "Réunion créée : complétez l'ordre du jour puis convoquez.";
            return Redirect($"/cpts/{id}/reunions/{result.Value!.Id}");
        }

        if (result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Errors = result.Errors;
        var page = await LoadAsync(id, ct);
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await read.RunAsync(id, HttpContext.GetActor(), ct);
        if (result.Kind == ErrorKind.NotFound && !result.Succeeded)
        {
            return NotFound();
        }

        Forbidden = !result.Succeeded;
        List = result.Value;
        Response.StatusCode = Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        return Page();
    }
}
