using System.Text;
using Maillage.Association;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;

namespace Maillage.Web.Association;

/// <summary>
/// Meetings of the association's bodies (<c>/api/cpts/{id}/meetings</c>): planning and agenda, convocation with the statutory
/// notice, iCalendar invitation, attendance and proxies, quorum, motions and votes (an adopted motion enters the register of
/// decisions), minutes. The CPTS's members and managers read; the coordinator, an admin or a bureau member run (docs/meetings.md).
/// </summary>
public static class MeetingEndpoints
{
    public sealed record MeetingSummaryDto(Guid Id, BodyKind Body, string BodyLabel, string Title, bool Extraordinary, DateTimeOffset StartsAt,
        DateTimeOffset EndsAt, string Location, MeetingStatus Status, string StatusLabel, int Version);

    public sealed record MeetingListDto(Guid CptsId, string CptsName, bool CanRun, IReadOnlyList<MeetingSummaryDto> Meetings);

    public sealed record BodyDto(Guid Id, BodyKind Kind, string Label, int NoticeDays, int QuorumPercent, int MaxProxiesPerHolder);

    public sealed record AgendaItemDto(Guid Id, int Position, string Title, string? Details);

    public sealed record VoterDto(Guid MemberId, string Name, Presence? Presence, Guid? ProxyHolderId, int ProxiesHeld);

    public sealed record QuorumDto(int Voters, int Present, int Represented, int Required, bool Reached, string Text);

    public sealed record MotionDto(Guid Id, int Position, Guid? AgendaItemId, string Text, Majority Majority, int? For, int? Against, int? Abstentions,
        MotionResult? Result, DateTimeOffset? VotedAt, string? DecisionNumber);

    public sealed record DecisionDto(Guid Id, string Number, DateOnly Date, string Text, Guid? MotionId);

    public sealed record MeetingDto(Guid Id, Guid CptsId, string CptsName, bool CanRun, BodyDto Body, string Title, bool Extraordinary,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location, MeetingStatus Status, string StatusLabel, DateTimeOffset? ConvenedAt,
        int Sequence, int Version, DateOnly EarliestConvocableDay, string? Minutes, DateTimeOffset? MinutesApprovedAt, IReadOnlyList<AgendaItemDto> Agenda,
        IReadOnlyList<VoterDto> Voters, QuorumDto Quorum, IReadOnlyList<MotionDto> Motions, IReadOnlyList<DecisionDto> Decisions);

    public static void MapMeetingsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cpts = app.MapGroup("/api/cpts/{id:guid}/meetings").RequireAuthorization().WithTags("Meetings");
        cpts.MapGet("", List).WithName("ListMeetings")
            .WithSummary("Meetings of the AG, the conseil and the bureau, by start; the CPTS's members and managers")
            .Produces<MeetingListDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapPost("", Create).WithName("CreateMeeting")
            .WithSummary("Plans a meeting: body (general-assembly, board, bureau), title, startsAt/endsAt (ISO 8601; without offset: time in France), "
                + "location, extraordinary (AG only)")
            .Produces<MeetingDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapGet("/{meetingId:guid}", Get).WithName("GetMeeting")
            .WithSummary("A meeting with its agenda, voters and attendance, quorum, motions, decisions and minutes")
            .Produces<MeetingDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapGet("/{meetingId:guid}/invitation.ics", Invitation).WithName("MeetingInvitation")
            .WithSummary("The iCalendar invitation (METHOD:REQUEST, or CANCEL once cancelled; stable UID, SEQUENCE) of a convened meeting")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        Change(cpts.MapPut("/{meetingId:guid}", Edit), "EditMeeting",
            "Edits title, times, location, extraordinary (draft or convened; after convocation SEQUENCE + 1 and a new day needs the notice)");
        Change(cpts.MapPost("/{meetingId:guid}/agenda", AddItem), "AddAgendaItem", "Adds an agenda item {title, details, version}");
        Change(cpts.MapPut("/{meetingId:guid}/agenda/{itemId:guid}", EditItem), "EditAgendaItem", "Edits an agenda item {title, details, version}");
        Change(cpts.MapDelete("/{meetingId:guid}/agenda/{itemId:guid}", RemoveItem), "RemoveAgendaItem", "Removes an agenda item (?version=)");
        Change(cpts.MapPost("/{meetingId:guid}/agenda/order", Reorder), "ReorderAgenda", "Puts the agenda in a new order {order: [item ids], version}");
        Change(cpts.MapPost("/{meetingId:guid}/convene", Convene), "ConveneMeeting",
            "Convenes the meeting {version}: refused unless it respects the body's notice (jours francs) from today");
        cpts.MapPost("/{meetingId:guid}/convocation", SendConvocationAsync).WithName("SendConvocation")
            .WithSummary("E-mails the convocation (or the cancellation) to every voter with an address, the iCalendar invitation attached; "
                + "returns {sent, withoutAddress, failed}")
            .Produces<ConvocationReport>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Change(cpts.MapPost("/{meetingId:guid}/cancel", Cancel), "CancelMeeting", "Cancels a meeting not yet held {version}");
        Change(cpts.MapPost("/{meetingId:guid}/attendance", Attendance), "RecordAttendance",
            "Records attendance {entries: [{memberId, presence: present|represented|excused|absent, proxyHolderId}], version}");
        Change(cpts.MapPost("/{meetingId:guid}/motions", AddMotion), "AddMotion", "Adds a motion {text, agendaItemId, majority: simple|two-thirds, version}");
        Change(cpts.MapDelete("/{meetingId:guid}/motions/{motionId:guid}", RemoveMotion), "RemoveMotion", "Withdraws a motion not yet voted (?version=)");
        Change(cpts.MapPost("/{meetingId:guid}/motions/{motionId:guid}/vote", Vote), "RecordVote",
            "Records a vote {for, against, abstentions, version} once the quorum is reached; an adopted motion enters the register of decisions");
        Change(cpts.MapPut("/{meetingId:guid}/minutes", Minutes), "SaveMinutes", "Writes the minutes of a held meeting {minutes, version}");
        Change(cpts.MapPost("/{meetingId:guid}/minutes/approve", Approve), "ApproveMinutes", "Approves the minutes {version}: the meeting is closed");
    }

    public static MeetingDto ToDto(MeetingDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var m = d.Meeting;
        var numbers = d.Decisions.Where(x => x.MotionId is not null).ToDictionary(x => x.MotionId!.Value, x => x.Number);
        var q = d.Quorum;
        return new MeetingDto(m.Id, d.CptsId, d.CptsName, d.CanRun,
            new BodyDto(d.Body.Id, d.Body.Kind, MeetingLabels.Label(d.Body.Kind), d.Body.NoticeDays, d.Body.QuorumPercent, d.Body.MaxProxiesPerHolder),
            m.Title, m.Extraordinary, m.StartsAt, m.EndsAt, m.Location, m.Status, MeetingLabels.Label(m.Status), m.ConvenedAt, m.Sequence, m.Version,
            d.EarliestDay, m.Minutes, m.MinutesApprovedAt, [.. m.Agenda.Select(a => new AgendaItemDto(a.Id, a.Position, a.Title, a.Details))],
            [.. d.Voters.Select(v => new VoterDto(v.MemberId, v.Name, v.Presence, v.ProxyHolderId, v.ProxiesHeld))],
            new QuorumDto(q.Voters, q.Present, q.Represented, q.Required, q.Reached, q.Text),
            [.. m.Motions.Select(x => new MotionDto(x.Id, x.Position, x.AgendaItemId, x.Text, x.Majority, x.For, x.Against, x.Abstentions, x.Result,
                x.VotedAt, numbers.GetValueOrDefault(x.Id)))],
            [.. d.Decisions.Select(x => new DecisionDto(x.Id, x.Number, x.Date, x.Text, x.MotionId))]);
    }

    /// <summary>The responses every change declares: the meeting, or 400, 403, 404, 409.</summary>
    private static void Change(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary + "; the coordinator, an admin or a bureau member")
            .Produces<MeetingDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> List(Guid id, HttpContext http, ReadMeetings read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var list = result.Value!;
        return TypedResults.Ok(new MeetingListDto(list.CptsId, list.CptsName, list.CanRun, [.. list.Meetings.Select(m => new MeetingSummaryDto(m.Id, m.Body,
            MeetingLabels.Label(m.Body, m.Extraordinary), m.Title, m.Extraordinary, m.StartsAt, m.EndsAt, m.Location, m.Status, MeetingLabels.Label(m.Status),
            m.Version))]));
    }

    private static async Task<IResult> Create(Guid id, MeetingInput body, HttpContext http, CreateMeeting create, ReadMeeting read, CancellationToken ct)
    {
        var result = await create.RunAsync(id, body, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var detail = await read.RunAsync(id, result.Value!.Id, http.GetActor(), ct);
        return TypedResults.Created($"/api/cpts/{id}/meetings/{result.Value.Id}", ToDto(detail.Value!));
    }

    private static async Task<IResult> Get(Guid id, Guid meetingId, HttpContext http, ReadMeeting read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, meetingId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Invitation(Guid id, Guid meetingId, HttpContext http, MeetingInvitation invitation, CancellationToken ct)
    {
        var result = await invitation.RunAsync(id, meetingId, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.File(Encoding.UTF8.GetBytes(result.Value!), IcalendarInvitation.ContentType, "reunion.ics")
            : result.ToProblem();
    }

    private static async Task<IResult> SendConvocationAsync(Guid id, Guid meetingId, HttpContext http, SendConvocation send, CancellationToken ct)
    {
        var result = await send.RunAsync(id, meetingId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : result.ToProblem();
    }

    private static Task<IResult> Edit(Guid id, Guid meetingId, MeetingInput body, HttpContext http, EditMeeting edit, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(edit.RunAsync(id, meetingId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> AddItem(Guid id, Guid meetingId, AgendaItemInput body, HttpContext http, AddAgendaItem add, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(add.RunAsync(id, meetingId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> EditItem(Guid id, Guid meetingId, Guid itemId, AgendaItemInput body, HttpContext http, EditAgendaItem edit,
        ReadMeeting read, CancellationToken ct) => ChangedAsync(edit.RunAsync(id, meetingId, itemId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> RemoveItem(Guid id, Guid meetingId, Guid itemId, int? version, HttpContext http, RemoveAgendaItem remove,
        ReadMeeting read, CancellationToken ct) => ChangedAsync(remove.RunAsync(id, meetingId, itemId, version, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> Reorder(Guid id, Guid meetingId, AgendaOrderInput body, HttpContext http, ReorderAgenda reorder, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(reorder.RunAsync(id, meetingId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> Convene(Guid id, Guid meetingId, VersionInput body, HttpContext http, ConveneMeeting convene, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(convene.RunAsync(id, meetingId, body.Version, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> Cancel(Guid id, Guid meetingId, VersionInput body, HttpContext http, CancelMeeting cancel, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(cancel.RunAsync(id, meetingId, body.Version, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> Attendance(Guid id, Guid meetingId, AttendanceInput body, HttpContext http, RecordAttendance record, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(record.RunAsync(id, meetingId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> AddMotion(Guid id, Guid meetingId, MotionInput body, HttpContext http, AddMotion add, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(add.RunAsync(id, meetingId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> RemoveMotion(Guid id, Guid meetingId, Guid motionId, int? version, HttpContext http, RemoveMotion remove,
        ReadMeeting read, CancellationToken ct) => ChangedAsync(remove.RunAsync(id, meetingId, motionId, version, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> Vote(Guid id, Guid meetingId, Guid motionId, VoteInput body, HttpContext http, RecordVote vote, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(vote.RunAsync(id, meetingId, motionId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> Minutes(Guid id, Guid meetingId, MinutesInput body, HttpContext http, SaveMinutes save, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(save.RunAsync(id, meetingId, body, http.GetActor(), ct), id, http, read, ct);

    private static Task<IResult> Approve(Guid id, Guid meetingId, VersionInput body, HttpContext http, ApproveMinutes approve, ReadMeeting read,
        CancellationToken ct) => ChangedAsync(approve.RunAsync(id, meetingId, body.Version, http.GetActor(), ct), id, http, read, ct);

    /// <summary>The meeting as it is after a change (its runner may read it), or the problem.</summary>
    private static async Task<IResult> ChangedAsync(Task<Result<Meeting>> change, Guid id, HttpContext http, ReadMeeting read, CancellationToken ct)
    {
        var result = await change;
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var detail = await read.RunAsync(id, result.Value!.Id, http.GetActor(), ct);
        return TypedResults.Ok(ToDto(detail.Value!));
    }
}
