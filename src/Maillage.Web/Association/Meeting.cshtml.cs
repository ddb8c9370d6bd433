using Maillage.Association;
using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Association;

/// <summary>One line of the attendance form: a voter and what the secretary chose (nothing: left as it is).</summary>
public sealed class AttendanceLine
{
    public Guid MemberId { get; set; }

    public string? Presence { get; set; }

    public Guid? ProxyHolderId { get; set; }
}

/// <summary>
/// A meeting: agenda, convocation and cancellation, the iCalendar invitation, voters with the attendance form and the quorum, motions
/// with their vote and the decisions they made, the minutes. Every form carries the version the user saw.
/// </summary>
public sealed class MeetingModel(ReadMeeting read) : PageModel
{
    public MeetingDetail? Detail { get; private set; }

    public bool Forbidden { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId, CancellationToken ct) => await LoadAsync(id, meetingId, ct);

    public Task<IActionResult> OnPostEditAsync(Guid id, Guid meetingId, string? title, string? startsAt, string? endsAt, string? location,
        bool extraordinary, [FromServices] EditMeeting edit, CancellationToken ct) =>
        AfterAsync(id, meetingId, edit.RunAsync(id, meetingId, new MeetingInput(null, title, startsAt, endsAt, location, extraordinary, Version),
            Actor, ct), "Réunion modifiée.", ct);

    public Task<IActionResult> OnPostAddItemAsync(Guid id, Guid meetingId, string? title, string? details, [FromServices] AddAgendaItem add,
        CancellationToken ct) =>
        AfterAsync(id, meetingId, add.RunAsync(id, meetingId, new AgendaItemInput(title, details, Version), Actor, ct), "Point ajouté à l'ordre du jour.", ct);

    public Task<IActionResult> OnPostEditItemAsync(Guid id, Guid meetingId, Guid itemId, string? title, string? details,
        [FromServices] EditAgendaItem edit, CancellationToken ct) =>
        AfterAsync(id, meetingId, edit.RunAsync(id, meetingId, itemId, new AgendaItemInput(title, details, Version), Actor, ct), "Point modifié.", ct);

    public Task<IActionResult> OnPostRemoveItemAsync(Guid id, Guid meetingId, Guid itemId, [FromServices] RemoveAgendaItem remove, CancellationToken ct) =>
        AfterAsync(id, meetingId, remove.RunAsync(id, meetingId, itemId, Version, Actor, ct), "Point retiré de l'ordre du jour.", ct);

    /// <summary>Moves an item one place up or down, from the order the user saw.</summary>
    public Task<IActionResult> OnPostMoveItemAsync(Guid id, Guid meetingId, Guid itemId, string? direction, Guid[] order,
        [FromServices] ReorderAgenda reorder, CancellationToken ct)
    {
        var list = (order ?? []).ToList();
        var at = list.IndexOf(itemId);
        var to = direction == "up" ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < list.Count)
        {
            (list[at], list[to]) = (list[to], list[at]);
        }

        return AfterAsync(id, meetingId, reorder.RunAsync(id, meetingId, new AgendaOrderInput(list, Version), Actor, ct), "Ordre du jour réordonné.", ct);
    }

    public Task<IActionResult> OnPostConveneAsync(Guid id, Guid meetingId, [FromServices] ConveneMeeting convene, CancellationToken ct) =>
        AfterAsync(id, meetingId, convene.RunAsync(id, meetingId, Version, Actor, ct),
            "Réunion convoquée : envoyez la convocation par e-mail aux votants, ou téléchargez l'invitation (.ics).", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, Guid meetingId, [FromServices] CancelMeeting cancel, CancellationToken ct) =>
        AfterAsync(id, meetingId, cancel.RunAsync(id, meetingId, Version, Actor, ct), "Réunion annulée : l'invitation (.ics) est désormais une annulation.", ct);

    public async Task<IActionResult> OnPostSendConvocationAsync(Guid id, Guid meetingId, [FromServices] SendConvocation send, CancellationToken ct)
    {
        var result = await send.RunAsync(id, meetingId, Actor, ct);
        if (result.Succeeded)
        {
            var r = result.Value!;
            TempData["Message"] = $"Convocation envoyée par e-mail à {French.Count(r.Sent, "votant", "votants")}"
                + (r.WithoutAddress > 0 ? $" ; {French.Count(r.WithoutAddress, "votant", "votants")} sans adresse e-mail, à convoquer autrement" : "")
                + (r.Failed > 0 ? $" ; {French.Count(r.Failed, "envoi refusé", "envois refusés")} par le serveur" : "") + ".";
            return Redirect($"/cpts/{id}/reunions/{meetingId}");
        }

        return await RefusedAsync(id, meetingId, result.Errors, result.Kind, ct);
    }

    /// <summary>The voters whose presence was chosen; the proxy holder only counts for a represented voter.</summary>
    public Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid meetingId, List<AttendanceLine> lines, [FromServices] RecordAttendance record,
        CancellationToken ct)
    {
        var entries = (lines ?? []).Where(l => !string.IsNullOrEmpty(l.Presence))
            .Select(l => new AttendanceEntry(l.MemberId, l.Presence, l.Presence == "represented" ? l.ProxyHolderId : null)).ToList();
        return AfterAsync(id, meetingId, record.RunAsync(id, meetingId, new AttendanceInput(entries, Version), Actor, ct), "Présences enregistrées.", ct);
    }

    public Task<IActionResult> OnPostAddMotionAsync(Guid id, Guid meetingId, string? text, Guid? agendaItemId, string? majority,
        [FromServices] AddMotion add, CancellationToken ct) =>
        AfterAsync(id, meetingId, add.RunAsync(id, meetingId, new MotionInput(text, agendaItemId, majority, Version), Actor, ct), "Résolution ajoutée.", ct);

    public Task<IActionResult> OnPostRemoveMotionAsync(Guid id, Guid meetingId, Guid motionId, [FromServices] RemoveMotion remove, CancellationToken ct) =>
        AfterAsync(id, meetingId, remove.RunAsync(id, meetingId, motionId, Version, Actor, ct), "Résolution retirée.", ct);

    public Task<IActionResult> OnPostVoteAsync(Guid id, Guid meetingId, Guid motionId, int? votesFor, int? against, int? abstentions,
        [FromServices] RecordVote vote, CancellationToken ct) =>
        AfterAsync(id, meetingId, vote.RunAsync(id, meetingId, motionId, new VoteInput(votesFor, against, abstentions, Version), Actor, ct),
            "Vote enregistré.", ct);

    public Task<IActionResult> OnPostMinutesAsync(Guid id, Guid meetingId, string? minutes, [FromServices] SaveMinutes save, CancellationToken ct) =>
        AfterAsync(id, meetingId, save.RunAsync(id, meetingId, new MinutesInput(minutes, Version), Actor, ct), "Procès-verbal enregistré.", ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid meetingId, [FromServices] ApproveMinutes approve, CancellationToken ct) =>
        AfterAsync(id, meetingId, approve.RunAsync(id, meetingId, Version, Actor, ct), "Procès-verbal approuvé : la réunion est close.", ct);

    private Maillage.Platform.Tenancy.Actor Actor => HttpContext.GetActor();

    /// <summary>Back to the meeting after a change (post/redirect/get), or the page again with the errors and the status they call for.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, Guid meetingId, Task<Result<Meeting>> change, string message, CancellationToken ct)
    {
        var result = await change;
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/cpts/{id}/reunions/{meetingId}");
        }

        return await RefusedAsync(id, meetingId, result.Errors, result.Kind, ct);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, Guid meetingId, IReadOnlyList<Error> errors, ErrorKind kind, CancellationToken ct)
    {
        if (kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Errors = errors;
        var page = await LoadAsync(id, meetingId, ct);
        Response.StatusCode = PageErrors.StatusOf(kind);
        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        var result = await read.RunAsync(id, meetingId, Actor, ct);
        if (!result.Succeeded && result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Forbidden = !result.Succeeded;
        Detail = result.Value;
        Response.StatusCode = Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        return Page();
    }
}
