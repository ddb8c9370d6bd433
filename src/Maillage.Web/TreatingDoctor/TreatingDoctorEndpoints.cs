using Maillage.TreatingDoctor;
using Maillage.TreatingDoctor.Assignment;
using Maillage.Web.Platform;

namespace Maillage.Web.TreatingDoctor;

/// <summary>
/// The treating-doctor desk of a CPTS (<c>/api/cpts/{id}/treating-doctor</c>, issue 13, docs/treating-doctor.md): requests filed by members
/// and the team, read by the team (and the doctor a request is proposed to); the assignment run; volunteers.
/// </summary>
public static class TreatingDoctorEndpoints
{
    public sealed record FileRequestBody(string? FamilyName, string? GivenName, string? BirthDate, string? CommuneCode, string? Phone, string? Email, string? Nir,
        IReadOnlyList<string>? Criteria, bool HomeVisit, bool Consent, string? Notes)
    {
        public override string ToString() => "treating-doctor request";
    }

    public sealed record RequestLineDto(Guid Id, string Status, string StatusLabel, DateTimeOffset FiledAt, string Channel, IReadOnlyList<string> Channels,
        string CommuneCode, IReadOnlyList<string> Criteria, long Score, bool HomeVisit, bool ReferredToDac, int Version);

    public sealed record RequestDto(Guid Id, string Status, string StatusLabel, DateTimeOffset FiledAt, string FiledBy, IReadOnlyList<string> Channels,
        string FamilyName, string GivenName, DateOnly BirthDate, string CommuneCode, string? Phone, string? Email, string? Nir, IReadOnlyList<string> Criteria,
        long Score, string ScoreExplanation, bool HomeVisit, string? Notes, bool ReferredToDac, string? Explanation, IReadOnlyList<ProposalDto> Proposals,
        int Version)
    {
        public override string ToString() => $"treating-doctor request {Id}";
    }

    public sealed record FiledDto(Guid Id, bool Merged, string Status);

    public sealed record ProposalDto(Guid Id, Guid VolunteerId, string Doctor, string Status, string Level, long Score, double Value, string Explanation,
        DateTimeOffset? SentAt, DateTimeOffset? AnsweredAt, string? RefusalReason);

    public sealed record MatchDto(int Requests, int Assigned, double Objective);

    public sealed record VolunteerDto(Guid Id, Guid MemberId, string Name, string Rpps, string CommuneCode, int MonthlyCapacity, int Remaining,
        IReadOnlyList<string>? Accepts, bool HomeVisits, bool Beyond, bool Paused, int Version);

    public static void MapTreatingDoctorApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cpts/{id:guid}/treating-doctor").RequireAuthorization().WithTags("TreatingDoctor");
        group.MapGet("/requests", Requests).WithName("TreatingRequests")
            .WithSummary("Requests of one status (status=New|Waiting|Proposed|Accepted|Contacted|FirstConsultation|Declared|Closed|Withdrawn, default New); CPTS team")
            .Produces<IReadOnlyList<RequestLineDto>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/requests", File).WithName("FileTreatingRequest")
            .WithSummary("Files a request for a patient without a treating doctor (a member's account or the team); merged into the open request of the same person")
            .Produces<FiledDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/requests/{requestId:guid}", Request).WithName("TreatingRequest")
            .WithSummary("One request with its proposals and why it waits; the team and the doctor it is proposed to (audited)")
            .Produces<RequestDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/match", Match).WithName("TreatingMatch")
            .WithSummary("Runs the assignment on the waiting requests and the volunteers (dryRun=true: nothing proposed); coordinator")
            .Produces<MatchDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/volunteers", Volunteers).WithName("TreatingVolunteers").WithSummary("Volunteer doctors and their room this month; coordinator")
            .Produces<IReadOnlyList<VolunteerDto>>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> Requests(Guid id, string? status, HttpContext http, ReadTreating read, PriorityRuleSets rules, CancellationToken ct)
    {
        if (status is not null && !Enum.TryParse<RequestStatus>(status, ignoreCase: true, out _))
        {
            return new[] { new Maillage.Platform.Errors.Error("unknown_status",
                $"Statut inconnu : « {status} » (attendus : {string.Join(", ", Enum.GetNames<RequestStatus>())}).", "status") }.ToProblem();
        }

        var filter = status is null ? (RequestStatus?)null : Enum.Parse<RequestStatus>(status, ignoreCase: true);
        var desk = await read.DeskAsync(id, filter, http.GetActor(), ct: ct);
        if (!desk.Succeeded)
        {
            return desk.ToProblem();
        }

        if (!desk.Value!.Scope.Manages)
        {
            return new[] { Maillage.Platform.Errors.Error.Forbidden() }.ToProblem();
        }

        return TypedResults.Ok(desk.Value.Requests.Select(r => Line(r, rules.Default.Weights)).ToList());
    }

    private static async Task<IResult> File(Guid id, FileRequestBody body, HttpContext http, FileRequest file, CancellationToken ct)
    {
        var result = await file.RunAsync(id, new RequestInput(body.FamilyName, body.GivenName, body.BirthDate, body.CommuneCode, body.Phone, body.Email, body.Nir,
            body.Criteria, body.HomeVisit, body.Consent, body.Notes), http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/treating-doctor/requests/{result.Value!.Request.Id}",
                new FiledDto(result.Value.Request.Id, result.Value.Merged, result.Value.Request.Status.ToString()))
            : result.ToProblem();
    }

    private static async Task<IResult> Request(Guid id, Guid requestId, HttpContext http, ReadTreating read, CancellationToken ct)
    {
        var result = await read.RequestAsync(id, requestId, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var v = result.Value!;
        var r = v.Request;
        return TypedResults.Ok(new RequestDto(r.Id, r.Status.ToString(), TreatingLabels.Of(r.Status), r.FiledAt, r.FiledBy, r.Channels.Split(','), r.FamilyName,
            r.GivenName, r.BirthDate, r.CommuneCode, r.Phone, r.Email, r.Nir, [.. r.CriteriaList.Select(AssignmentNames.Name)], v.Score, v.ScoreText, r.HomeVisit,
            v.Scope.Manages ? r.Notes : null, r.ReferredToDac, v.Explanation?.Text,
            [.. v.Proposals.Where(p => v.Scope.Manages || p.Volunteer.Id == v.Scope.Volunteer?.Id).Select(p => new ProposalDto(p.Proposal.Id, p.Volunteer.Id,
                p.Volunteer.Name, p.Proposal.Status.ToString(), AssignmentNames.Name(p.Proposal.Level), p.Proposal.Score, p.Proposal.Value, p.Proposal.Explanation,
                p.Proposal.SentAt, p.Proposal.AnsweredAt, p.Proposal.RefusalReason))], r.Version));
    }

    private static async Task<IResult> Match(Guid id, bool? dryRun, HttpContext http, MatchRequests match, CancellationToken ct)
    {
        var result = await match.RunAsync(id, dryRun ?? false, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new MatchDto(result.Value!.Result.Requests, result.Value.Result.Assigned, result.Value.Result.Objective))
            : result.ToProblem();
    }

    private static async Task<IResult> Volunteers(Guid id, HttpContext http, ReadTreating read, CancellationToken ct)
    {
        var desk = await read.DeskAsync(id, null, http.GetActor(), listRequests: false, ct);
        if (!desk.Succeeded)
        {
            return desk.ToProblem();
        }

        return desk.Value!.Scope.Manages
            ? TypedResults.Ok(desk.Value.Volunteers.Select(l => new VolunteerDto(l.Volunteer.Id, l.Volunteer.MemberId, l.Volunteer.Name, l.Volunteer.Rpps,
                l.Volunteer.CommuneCode, l.Volunteer.MonthlyCapacity, l.Remaining, l.Volunteer.AcceptsList?.Select(AssignmentNames.Name).ToList(),
                l.Volunteer.HomeVisits, l.Volunteer.Beyond, l.Volunteer.Paused, l.Volunteer.Version)).ToList())
            : new[] { Maillage.Platform.Errors.Error.Forbidden() }.ToProblem();
    }

    private static RequestLineDto Line(TreatingRequest r, PriorityWeights weights) => new(r.Id, r.Status.ToString(), TreatingLabels.Of(r.Status), r.FiledAt, r.Channel.ToString(),
        r.Channels.Split(','), r.CommuneCode, [.. r.CriteriaList.Select(AssignmentNames.Name)], weights.Score(r.CriteriaList), r.HomeVisit, r.ReferredToDac, r.Version);
}
