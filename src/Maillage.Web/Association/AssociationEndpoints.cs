using Maillage.Association;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;
using Maillage.Web.Platform;

namespace Maillage.Web.Association;

/// <summary>
/// The association life of a CPTS (docs/association.md): its bodies and their statutory parameters (<c>/bodies</c>), mandates in the
/// conseil d'administration and the bureau, working groups and referents, members' proposals with their trail (<c>/proposals</c>), and the
/// register of decisions (<c>/decisions</c>, exported by <c>/decisions/export</c>). The CPTS's members and managers read; the coordinator,
/// an admin or a bureau member run; officers are refused.
/// </summary>
public static class AssociationEndpoints
{
    public sealed record BodyParametersRequest(int? NoticeDays, int? QuorumPercent, int? MaxProxiesPerHolder, int? Version);

    public sealed record MandateRequest(Guid? MemberId, string? Office, DateOnly? From);

    public sealed record EndMandateRequest(DateOnly? To, string? Reason);

    public sealed record WorkingGroupRequest(string? Name, string? Purpose, DateOnly? CreatedOn);

    public sealed record CloseWorkingGroupRequest(DateOnly? ClosedOn, int? Version);

    public sealed record ParticipantRequest(Guid? MemberId);

    public sealed record ReferentRequest(Guid? MemberId, string? ProfessionCode, Guid? WorkingGroupId, DateOnly? From);

    public sealed record EndReferentRequest(DateOnly? To);

    public sealed record ProposalRequest(string? Title, string? Description);

    public sealed record ProposalMoveRequest(string? Comment, DateOnly? Date, Guid? MeetingId, int? Version);

    public sealed record AssociationMandateDto(Guid Id, BodyKind Body, Guid MemberId, string? MemberName, Office Office, string OfficeLabel, DateOnly From,
        DateOnly? To, string? EndReason, bool Current);

    public sealed record AssociationBodyDto(Guid Id, BodyKind Kind, string Label, int NoticeDays, int QuorumPercent, int MaxProxiesPerHolder, int Version,
        IReadOnlyList<AssociationMandateDto> Current, IReadOnlyList<AssociationMandateDto> Past);

    public sealed record AssociationBodiesDto(Guid CptsId, string CptsName, bool CanRun, IReadOnlyList<AssociationBodyDto> Bodies, IReadOnlyList<string> Warnings);

    public sealed record MandateChangeDto(AssociationMandateDto Mandate, IReadOnlyList<string> Warnings);

    public sealed record WorkingGroupsDto(Guid CptsId, bool CanRun, IReadOnlyList<WorkingGroupView> WorkingGroups);

    public sealed record ReferentsDto(Guid CptsId, bool CanRun, IReadOnlyList<ReferentView> Referents);

    public sealed record ProposalSummaryDto(Guid Id, string Title, Guid MemberId, string Author, ProposalStatus Status, string StatusLabel,
        DateTimeOffset SubmittedAt, int Version, Guid? DecisionId, string? DecisionNumber);

    public sealed record ProposalListDto(Guid CptsId, string CptsName, bool CanSubmit, IReadOnlyList<ProposalSummaryDto> Proposals);

    public sealed record ProposalStepDto(ProposalStatus From, ProposalStatus To, string ToLabel, string By, DateTimeOffset At, string? Comment, Guid? MeetingId,
        string? MeetingTitle);

    public sealed record ProposalDto(Guid Id, Guid CptsId, string Title, string Description, Guid MemberId, string Author, ProposalStatus Status,
        string StatusLabel, DateTimeOffset SubmittedAt, int Version, Guid? DecisionId, string? DecisionNumber, IReadOnlyList<ProposalStepDto> Steps,
        IReadOnlyList<ProposalMove> Allowed);

    public sealed record RegisterDecisionDto(Guid Id, string Number, DateOnly Date, BodyKind Body, string BodyLabel, string Text, Guid? ProposalId,
        string? ProposalTitle, Guid? MeetingId, string? MeetingTitle);

    public sealed record DecisionRegisterDto(Guid CptsId, string CptsName, IReadOnlyList<RegisterDecisionDto> Decisions);

    public static void MapAssociationApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cpts = app.MapGroup("/api/cpts/{id:guid}").RequireAuthorization().WithTags("Association");
        Read(cpts.MapGet("/bodies", Bodies), "ListBodies",
            "The AG, the conseil d'administration and the bureau with their statutory parameters, current and past mandates, and the warnings about "
            + "the conseil's composition (no first-line doctor); the bodies are created with their defaults on first read").Produces<AssociationBodiesDto>();
        Run(cpts.MapPut("/bodies/{kind}", UpdateBody), "UpdateBody",
            "Sets a body's (general-assembly, board, bureau) noticeDays (0–90), quorumPercent (0–100), maxProxiesPerHolder (0–10); version required to detect "
            + "a stale edit").Produces<AssociationBodyDto>();
        Run(cpts.MapPost("/bodies/{kind}/mandates", AddMandate), "AddMandate",
            "Gives a member a seat in the board or the bureau {memberId, office: president|vice-president|treasurer|secretary|member, from}")
            .Produces<MandateChangeDto>(StatusCodes.Status201Created);
        Run(cpts.MapPost("/mandates/{mandateId:guid}/end", EndMandate), "EndMandate",
            "Ends a running mandate {to, reason}; leaving the board ends the member's bureau seat the same day").Produces<MandateChangeDto>();
        Read(cpts.MapGet("/working-groups", WorkingGroups), "ListWorkingGroups", "Working groups and projects with their participants")
            .Produces<WorkingGroupsDto>();
        Run(cpts.MapPost("/working-groups", CreateGroup), "CreateWorkingGroup", "Creates a working group {name (unique in the CPTS), purpose, createdOn}")
            .Produces<WorkingGroupView>(StatusCodes.Status201Created);
        Run(cpts.MapPost("/working-groups/{groupId:guid}/close", CloseGroup), "CloseWorkingGroup",
            "Closes a working group {closedOn, version}; its running referent ends the same day").Produces<WorkingGroupView>();
        Run(cpts.MapPost("/working-groups/{groupId:guid}/participants", AddParticipant), "AddWorkingGroupParticipant",
            "Adds a member to an open working group {memberId}").Produces<WorkingGroupView>();
        Run(cpts.MapDelete("/working-groups/{groupId:guid}/participants/{memberId:guid}", RemoveParticipant), "RemoveWorkingGroupParticipant",
            "Takes a participant out of an open working group").Produces<WorkingGroupView>();
        Read(cpts.MapGet("/referents", Referents), "ListReferents", "Referents per profession (TRE_G15) and per working group, current first")
            .Produces<ReferentsDto>();
        Run(cpts.MapPost("/referents", AddReferent), "AddReferent",
            "Names a referent {memberId, professionCode | workingGroupId, from}: one at a time per profession and per group").Produces<ReferentView>(StatusCodes.Status201Created);
        Run(cpts.MapPost("/referents/{referentId:guid}/end", EndReferent), "EndReferent", "Ends a running referent {to}").Produces<ReferentView>();
        Read(cpts.MapGet("/proposals", Proposals), "ListProposals", "Members' proposals, latest first").Produces<ProposalListDto>();
        Read(cpts.MapGet("/proposals/{proposalId:guid}", Proposal), "GetProposal",
            "A proposal with its trail and the moves the caller may make (forward, reject, adopt, withdraw)").Produces<ProposalDto>();
        cpts.MapPost("/proposals", Submit).WithName("SubmitProposal")
            .WithSummary("A member whose account is linked to its adhérent proposes an action {title, description}; it waits for the bureau")
            .Produces<ProposalDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var move in Enum.GetValues<ProposalMove>())
        {
            cpts.MapPost($"/proposals/{{proposalId:guid}}/{MeetingLabels.Id(move)}",
                    (Guid id, Guid proposalId, ProposalMoveRequest body, HttpContext http, MoveProposal moves, ReadProposals read, CancellationToken ct) =>
                        Move(id, proposalId, move, body, http, moves, read, ct))
                .WithName(move + "Proposal")
                .WithSummary(MoveSummary(move) + " {comment, date, meetingId, version}; an illegal move is a 409")
                .Produces<ProposalDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }

        Read(cpts.MapGet("/decisions", Decisions), "ListDecisions",
            "The register of decisions, numbered <year>-<seq>, with the proposal or meeting each comes from").Produces<DecisionRegisterDto>();
        cpts.MapGet("/decisions/export", Export).WithName("ExportDecisions")
            .WithSummary("The register of decisions as CSV (format=csv) or Excel (format=xlsx); the CPTS's members and managers")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static AssociationMandateDto ToDto(MandateRow m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.Body, m.MemberId, m.MemberName, m.Office, AssociationLabels.Office(m.Office, m.Body), m.From, m.To, m.EndReason, m.Current);
    }

    public static AssociationBodyDto ToDto(BodyView b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Id, b.Kind, MeetingLabels.Label(b.Kind), b.NoticeDays, b.QuorumPercent, b.MaxProxiesPerHolder, b.Version,
            [.. b.Current.Select(ToDto)], [.. b.Past.Select(ToDto)]);
    }

    public static ProposalDto ToDto(ProposalDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var p = d.Proposal;
        return new(p.Id, d.CptsId, p.Title, d.Description, p.MemberId, p.Author, p.Status, AssociationLabels.Status(p.Status), p.SubmittedAt, p.Version,
            p.DecisionId, p.DecisionNumber,
            [.. d.Steps.Select(s => new ProposalStepDto(s.From, s.To, AssociationLabels.Status(s.To), s.By, s.At, s.Comment, s.MeetingId, s.MeetingTitle))],
            d.Allowed);
    }

    private static RouteHandlerBuilder Read(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary + "; the CPTS's members and managers")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    private static RouteHandlerBuilder Run(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary + "; the coordinator, an admin or a bureau member")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static string MoveSummary(ProposalMove move) => move switch
    {
        ProposalMove.Forward => "The bureau forwards a submitted proposal to the board (coordinator, admin or bureau member)",
        ProposalMove.Reject => "The bureau or the board rejects a proposal; comment (the reason) required",
        ProposalMove.Adopt => "The board adopts a forwarded proposal: a decision of the board enters the register (date: today by default)",
        _ => "Its author withdraws a proposal before a decision",
    };

    private static async Task<IResult> Bodies(Guid id, HttpContext http, ReadAssociation read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new AssociationBodiesDto(id, result.Value!.CptsName, result.Value.Rights.Run, [.. result.Value.Bodies.Select(ToDto)], result.Value.Warnings))
            : result.ToProblem();
    }

    private static async Task<IResult> UpdateBody(Guid id, string kind, BodyParametersRequest body, HttpContext http, UpdateBody update, ReadAssociation read,
        CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await update.RunAsync(id, kind, new BodyInput(body.NoticeDays, body.QuorumPercent, body.MaxProxiesPerHolder, body.Version), actor, ct);
        return result.Succeeded
            ? TypedResults.Ok(ToDto((await read.RunAsync(id, actor, ct)).Value!.Bodies.Single(b => b.Id == result.Value!.Id)))
            : result.ToProblem();
    }

    private static async Task<IResult> AddMandate(Guid id, string kind, MandateRequest body, HttpContext http, AddMandate add, ReadAssociation read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await add.RunAsync(id, kind, new MandateInput(body.MemberId, body.Office, body.From), actor, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/bodies", await MandateAsync(read, id, result.Value!, actor, ct))
            : result.ToProblem();
    }

    private static async Task<IResult> EndMandate(Guid id, Guid mandateId, EndMandateRequest body, HttpContext http, EndMandate end, ReadAssociation read,
        CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await end.RunAsync(id, mandateId, new EndMandateInput(body.To, body.Reason), actor, ct);
        return result.Succeeded ? TypedResults.Ok(await MandateAsync(read, id, result.Value!, actor, ct)) : result.ToProblem();
    }

    private static async Task<IResult> WorkingGroups(Guid id, HttpContext http, ReadAssociation read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(new WorkingGroupsDto(id, result.Value!.Rights.Run, result.Value.WorkingGroups)) : result.ToProblem();
    }

    private static async Task<IResult> CreateGroup(Guid id, WorkingGroupRequest body, HttpContext http, CreateWorkingGroup create, ReadAssociation read,
        CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await create.RunAsync(id, new WorkingGroupInput(body.Name, body.Purpose, body.CreatedOn), actor, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/working-groups", await GroupAsync(read, id, result.Value!.Id, actor, ct))
            : result.ToProblem();
    }

    private static async Task<IResult> CloseGroup(Guid id, Guid groupId, CloseWorkingGroupRequest body, HttpContext http, CloseWorkingGroup close,
        ReadAssociation read, CancellationToken ct) =>
        await GroupResultAsync(await close.RunAsync(id, groupId, new CloseWorkingGroupInput(body.ClosedOn, body.Version), http.GetActor(), ct), read, id, http, ct);

    private static async Task<IResult> AddParticipant(Guid id, Guid groupId, ParticipantRequest body, HttpContext http, ChangeParticipants change,
        ReadAssociation read, CancellationToken ct) =>
        await GroupResultAsync(await change.AddAsync(id, groupId, body.MemberId, http.GetActor(), ct), read, id, http, ct);

    private static async Task<IResult> RemoveParticipant(Guid id, Guid groupId, Guid memberId, HttpContext http, ChangeParticipants change,
        ReadAssociation read, CancellationToken ct) =>
        await GroupResultAsync(await change.RemoveAsync(id, groupId, memberId, http.GetActor(), ct), read, id, http, ct);

    private static async Task<IResult> Referents(Guid id, HttpContext http, ReadAssociation read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(new ReferentsDto(id, result.Value!.Rights.Run, result.Value.Referents)) : result.ToProblem();
    }

    private static async Task<IResult> AddReferent(Guid id, ReferentRequest body, HttpContext http, AddReferent add, ReadAssociation read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await add.RunAsync(id, new ReferentInput(body.MemberId, body.ProfessionCode, body.WorkingGroupId, body.From), actor, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/referents", await ReferentAsync(read, id, result.Value!.Id, actor, ct))
            : result.ToProblem();
    }

    private static async Task<IResult> EndReferent(Guid id, Guid referentId, EndReferentRequest body, HttpContext http, EndReferent end, ReadAssociation read,
        CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await end.RunAsync(id, referentId, body.To, actor, ct);
        return result.Succeeded ? TypedResults.Ok(await ReferentAsync(read, id, referentId, actor, ct)) : result.ToProblem();
    }

    private static async Task<IResult> Proposals(Guid id, HttpContext http, ReadProposals read, CancellationToken ct)
    {
        var result = await read.ListAsync(id, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var list = result.Value!;
        return TypedResults.Ok(new ProposalListDto(list.CptsId, list.CptsName, list.CanSubmit, [.. list.Proposals.Select(p => new ProposalSummaryDto(p.Id, p.Title,
            p.MemberId, p.Author, p.Status, AssociationLabels.Status(p.Status), p.SubmittedAt, p.Version, p.DecisionId, p.DecisionNumber))]));
    }

    private static async Task<IResult> Proposal(Guid id, Guid proposalId, HttpContext http, ReadProposals read, CancellationToken ct)
    {
        var result = await read.GetAsync(id, proposalId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Submit(Guid id, ProposalRequest body, HttpContext http, SubmitProposal submit, ReadProposals read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await submit.RunAsync(id, new ProposalInput(body.Title, body.Description), actor, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/proposals/{result.Value!.Id}", ToDto((await read.GetAsync(id, result.Value.Id, actor, ct)).Value!))
            : result.ToProblem();
    }

    private static async Task<IResult> Move(Guid id, Guid proposalId, ProposalMove move, ProposalMoveRequest body, HttpContext http, MoveProposal moves,
        ReadProposals read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await moves.RunAsync(id, proposalId, move, new ProposalMoveInput(body.Comment, body.Date, body.MeetingId, body.Version), actor, ct);
        return result.Succeeded ? TypedResults.Ok(ToDto((await read.GetAsync(id, proposalId, actor, ct)).Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Decisions(Guid id, HttpContext http, ReadDecisions read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new DecisionRegisterDto(id, result.Value!.CptsName, [.. result.Value.Decisions.Select(d => new RegisterDecisionDto(d.Id, d.Number,
                d.Date, d.Body, MeetingLabels.Label(d.Body), d.Text, d.ProposalId, d.ProposalTitle, d.MeetingId, d.MeetingTitle))]))
            : result.ToProblem();
    }

    private static async Task<IResult> Export(Guid id, string? format, HttpContext http, ReadDecisions read, CancellationToken ct)
    {
        var kind = format?.Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx" or null or ""))
        {
            return new[] { new Error("invalid_format", $"Format « {format} » inconnu : csv ou xlsx.", "format") }.ToProblem();
        }

        var result = await read.RunAsync(id, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var stream = new MemoryStream();
        const string name = "registre-des-decisions";
        if (kind == "xlsx")
        {
            DecisionExport.WriteExcel(result.Value!.Decisions, stream);
            stream.Position = 0;
            return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        await DecisionExport.WriteCsvAsync(result.Value!.Decisions, stream, ct);
        stream.Position = 0;
        return TypedResults.File(stream, "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>The mandate as the bodies list shows it (with the member's name), re-read after a change by the one who made it.</summary>
    private static async Task<MandateChangeDto> MandateAsync(ReadAssociation read, Guid cptsId, MandateOutcome outcome, Actor actor, CancellationToken ct)
    {
        var view = (await read.RunAsync(cptsId, actor, ct)).Value!;
        var row = view.Bodies.SelectMany(b => b.Current.Concat(b.Past)).Single(m => m.Id == outcome.Mandate.Id);
        return new MandateChangeDto(ToDto(row), view.Warnings);
    }

    private static async Task<WorkingGroupView> GroupAsync(ReadAssociation read, Guid cptsId, Guid groupId, Actor actor, CancellationToken ct) =>
        (await read.RunAsync(cptsId, actor, ct)).Value!.WorkingGroups.Single(g => g.Id == groupId);

    private static async Task<IResult> GroupResultAsync(Result<WorkingGroup> result, ReadAssociation read, Guid cptsId, HttpContext http, CancellationToken ct) =>
        result.Succeeded ? TypedResults.Ok(await GroupAsync(read, cptsId, result.Value!.Id, http.GetActor(), ct)) : result.ToProblem();

    private static async Task<ReferentView> ReferentAsync(ReadAssociation read, Guid cptsId, Guid referentId, Actor actor, CancellationToken ct) =>
        (await read.RunAsync(cptsId, actor, ct)).Value!.Referents.Single(r => r.Id == referentId);
}
