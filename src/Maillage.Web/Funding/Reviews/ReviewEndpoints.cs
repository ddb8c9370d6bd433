using Maillage.Funding.Reviews;
using Maillage.Web.Platform;

namespace Maillage.Web.Funding.Reviews;

/// <summary>
/// The dialogue de gestion (annual review) of a contract year: read by whoever may read the CPTS, prepared by the coordinator, the
/// treasurer or an admin, decided by the officers of the ARS and the CPAM recorded on the contract or an admin once the year has ended;
/// the review pack as JSON, Excel and PDF.
/// </summary>
public static class ReviewEndpoints
{
    public static void MapReviewApi(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/cpts/{id:guid}/contract/reviews").RequireAuthorization().WithTags("Funding");
        reviews.MapGet("/", List).WithName("AciReviews").WithSummary("The five contract years with their review, if opened, and what the reader may do")
            .Produces<ReviewDtos.List>().ProducesProblem(StatusCodes.Status404NotFound);
        reviews.MapPost("/", Open).WithName("OpenAciReview")
            .WithSummary("Opens the review of a contract year that has begun: {year}; one per year (409 for a second)")
            .Produces<ReviewPack>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapGet("/{year:int}", Get).WithName("AciReview")
            .WithSummary("The review of a year as its pack: record, amounts per line (maximum, expected, decided, paid), indicators, actions, outcome")
            .Produces<ReviewPack>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reviews.MapPut("/{year:int}", Edit).WithName("EditAciReview")
            .WithSummary("Edits the record of an open review: heldOn, participants, version (required; stale → 409; decided → 409)")
            .Produces<ReviewPack>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPost("/{year:int}/actions", AddAction).WithName("AddAciReviewAction")
            .WithSummary("Records an action outside the contract in an open review: title, mission (optional, a mission of the year), description")
            .Produces<ReviewPack>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapDelete("/{year:int}/actions/{actionId:guid}", RemoveAction).WithName("RemoveAciReviewAction")
            .WithSummary("Removes an action outside the contract from an open review")
            .Produces<ReviewPack>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPost("/{year:int}/decision", Decide).WithName("DecideAciReview")
            .WithSummary("The officer's decision: missions [{mission, meansDeployed, decidedFixed, decidedVariable, comment}] (every mission of the year, "
                + "amounts ≥ 0 and at most the grid's maximum), outcome (required), decidedOn (default today, not in the future), version")
            .Produces<ReviewPack>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPost("/{year:int}/reopen", Reopen).WithName("ReopenAciReview")
            .WithSummary("An admin reopens a decided review (version required); the decision stays as the starting point of the next one")
            .Produces<ReviewPack>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapGet("/{year:int}/pack.xlsx", Excel).WithName("AciReviewPackExcel").WithSummary("The review pack as an Excel workbook")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reviews.MapGet("/{year:int}/pack.pdf", Pdf).WithName("AciReviewPackPdf").WithSummary("The review pack as a PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<IResult> List(Guid id, HttpContext http, ReadReviews read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ReviewDtos.From(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Open(Guid id, ReviewDtos.OpenRequest body, HttpContext http, OpenReview open, BuildReviewPack pack, CancellationToken ct)
    {
        var result = await open.RunAsync(id, body.Year, http.GetActor(), ct);
        return result.Succeeded ? await PackAsync(id, result.Value!.Year, http, pack, created: true, ct) : result.ToProblem();
    }

    private static Task<IResult> Get(Guid id, int year, HttpContext http, BuildReviewPack pack, CancellationToken ct) =>
        PackAsync(id, year, http, pack, created: false, ct);

    private static async Task<IResult> Edit(Guid id, int year, ReviewDtos.EditRequest body, HttpContext http, EditReview edit, BuildReviewPack pack,
        CancellationToken ct)
    {
        var result = await edit.RunAsync(id, year, body.HeldOn, body.Participants, body.Version, http.GetActor(), ct);
        return result.Succeeded ? await PackAsync(id, year, http, pack, created: false, ct) : result.ToProblem();
    }

    private static async Task<IResult> AddAction(Guid id, int year, ReviewDtos.ActionRequest body, HttpContext http, AddReviewAction add, BuildReviewPack pack,
        CancellationToken ct)
    {
        var result = await add.RunAsync(id, year, body.Title, body.Mission, body.Description, http.GetActor(), ct);
        return result.Succeeded ? await PackAsync(id, year, http, pack, created: true, ct) : result.ToProblem();
    }

    private static async Task<IResult> RemoveAction(Guid id, int year, Guid actionId, HttpContext http, RemoveReviewAction remove, BuildReviewPack pack,
        CancellationToken ct)
    {
        var result = await remove.RunAsync(id, year, actionId, http.GetActor(), ct);
        return result.Succeeded ? await PackAsync(id, year, http, pack, created: false, ct) : result.ToProblem();
    }

    private static async Task<IResult> Decide(Guid id, int year, ReviewDtos.DecisionRequest body, HttpContext http, DecideReview decide, BuildReviewPack pack,
        CancellationToken ct)
    {
        var result = await decide.RunAsync(id, year, body.ToDraft(), body.Version, http.GetActor(), ct);
        return result.Succeeded ? await PackAsync(id, year, http, pack, created: false, ct) : result.ToProblem();
    }

    private static async Task<IResult> Reopen(Guid id, int year, ReviewDtos.VersionRequest body, HttpContext http, ReopenReview reopen, BuildReviewPack pack,
        CancellationToken ct)
    {
        var result = await reopen.RunAsync(id, year, body.Version, http.GetActor(), ct);
        return result.Succeeded ? await PackAsync(id, year, http, pack, created: false, ct) : result.ToProblem();
    }

    private static async Task<IResult> Excel(Guid id, int year, HttpContext http, BuildReviewPack pack, CancellationToken ct)
    {
        var result = await pack.RunAsync(id, year, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var stream = new MemoryStream();
        ReviewPackExcel.Write(result.Value!, stream);
        stream.Position = 0;
        return TypedResults.File(stream, Xlsx, $"dialogue-de-gestion-annee-{year}.xlsx");
    }

    private static async Task<IResult> Pdf(Guid id, int year, HttpContext http, BuildReviewPack pack, CancellationToken ct)
    {
        var result = await pack.RunAsync(id, year, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.File(ReviewPackPdf.Write(result.Value!), "application/pdf", $"dialogue-de-gestion-annee-{year}.pdf")
            : result.ToProblem();
    }

    private static async Task<IResult> PackAsync(Guid id, int year, HttpContext http, BuildReviewPack pack, bool created, CancellationToken ct)
    {
        var result = await pack.RunAsync(id, year, http.GetActor(), ct);
        return !result.Succeeded ? result.ToProblem()
            : created ? TypedResults.Created($"/api/cpts/{id}/contract/reviews/{year}", result.Value!)
            : TypedResults.Ok(result.Value!);
    }
}

/// <summary>The JSON documents of <c>/api/cpts/{id}/contract/reviews</c> (a review itself is its <see cref="ReviewPack"/>).</summary>
public static class ReviewDtos
{
    public sealed record OpenRequest(int? Year);

    public sealed record EditRequest(DateOnly? HeldOn, string? Participants, int? Version);

    public sealed record ActionRequest(string? Title, string? Mission, string? Description);

    public sealed record VersionRequest(int? Version);

    public sealed record MissionDecision(string? Mission, bool? MeansDeployed, decimal? DecidedFixed, decimal? DecidedVariable, string? Comment);

    public sealed record DecisionRequest(IReadOnlyList<MissionDecision>? Missions, string? Outcome, DateOnly? DecidedOn, int? Version)
    {
        public DecisionDraft ToDraft() =>
            new([.. (Missions ?? []).Select(m => new MissionDecisionDraft(m.Mission, m.MeansDeployed ?? true, m.DecidedFixed, m.DecidedVariable, m.Comment))],
                Outcome, DecidedOn);
    }

    public sealed record Year(int Number, DateOnly Start, DateOnly End, bool Begun, string? Status, DateOnly? HeldOn, DateOnly? DecidedOn, int? Version);

    public sealed record List(Guid ContractId, bool CanPrepare, bool CanDecide, IReadOnlyList<Year> Years);

    public static List From(ReviewList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new List(list.Contract.Id, list.Rights.EditValues, list.Rights.Decide,
            [.. list.Years.Select(y => new Year(y.Year, y.Start, y.End, y.Begun, Status(y.Review?.Status), y.Review?.HeldOn, y.Review?.DecidedOn, y.Review?.Version))]);
    }

    public static string? Status(ReviewStatus? status) => status switch
    {
        ReviewStatus.Open => "open",
        ReviewStatus.Decided => "decided",
        _ => null,
    };
}
