using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Maillage.Web.Lifecycle;

/// <summary>The CPTS registry and lifecycle: <c>/api/cpts</c>.</summary>
public static class CptsEndpoints
{
    public sealed record CreateCptsRequest(string? Name, IReadOnlyList<string>? Territory, string? Rna, string? Siret,
        string? ContactEmail, string? ContactPhone, string? OverrideReason, string? Finess = null);

    public sealed record UpdateCptsRequest(string? Name, string? Rna, string? Siret, string? ContactEmail, string? ContactPhone,
        IReadOnlyList<string>? Territory, string? OverrideReason, int? Version, string? Finess = null);

    public sealed record StageRequest(string? Stage, DateOnly? Date, int? Version);

    public sealed record LetterRequest(string? Actors, string? Context, string? Needs, string? Objectives, string? Calendar, string? Obstacles, int? Version);

    public static void MapCptsApi(this WebApplication app)
    {
        var cpts = app.MapGroup("/api/cpts").RequireAuthorization().WithTags("CPTS");
        cpts.MapGet("/", List).WithName("ListCpts").WithSummary("The CPTS the caller may read");
        cpts.MapPost("/", Create).WithName("CreateCpts").WithSummary("Registers a CPTS (pre-project) with its territory")
            .Produces<CptsDtos.Detail>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapGet("/{id:guid}", Get).WithName("GetCpts").WithSummary("A CPTS with its territory, stages and lettre d'intention")
            .Produces<CptsDtos.Detail>().ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapPut("/{id:guid}", Update).WithName("UpdateCpts")
            .WithSummary("Edits identity and/or territory; `version` is required and a stale one gets 409")
            .Produces<CptsDtos.Detail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapPost("/{id:guid}/stage", Stage).WithName("RecordStage").WithSummary("Records the next stage (or dissolution) with its date")
            .Produces<CptsDtos.Detail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapPut("/{id:guid}/letter", Letter).WithName("UpdateLetterOfIntent").WithSummary("Saves the lettre d'intention")
            .Produces<CptsDtos.Detail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapGet("/{id:guid}/audit", Audit).WithName("CptsAudit").WithSummary("Who changed what and when on this CPTS (its coordinator, its officers and the admins; 403 for members)")
            .Produces<List<CptsDtos.AuditLine>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<CptsDtos.Summary>>> List(HttpContext http, ReadCpts read, CancellationToken ct) =>
        TypedResults.Ok((await read.ListAsync(http.GetActor(), ct)).Select(CptsDtos.From).ToList());

    private static async Task<IResult> Create(CreateCptsRequest body, HttpContext http, CreateCpts create, ReadCpts read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await create.RunAsync(new CptsInput(body.Name, body.Rna, body.Siret, body.ContactEmail, body.ContactPhone, body.Territory, body.OverrideReason) { Finess = body.Finess }, actor, null, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{result.Value!.Id}", CptsDtos.From((await read.GetAsync(result.Value.Id, actor, ct)).Value!))
            : result.ToProblem();
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, ReadCpts read, CancellationToken ct)
    {
        var result = await read.GetAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(CptsDtos.From(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, UpdateCptsRequest body, HttpContext http, UpdateCpts update, ReadCpts read, CancellationToken ct)
    {
        if (body.Version is null)
        {
            return new[] { new Error("version_required", "Indiquez la version lue (champ version) pour éviter d'écraser une modification concurrente.", "version") }.ToProblem();
        }

        var actor = http.GetActor();
        var result = await update.RunAsync(id, new CptsInput(body.Name, body.Rna, body.Siret, body.ContactEmail, body.ContactPhone, body.Territory, body.OverrideReason, body.Version) { Finess = body.Finess }, actor, ct);
        return await Reread(result, id, actor, read, ct);
    }

    private static async Task<IResult> Stage(Guid id, StageRequest body, HttpContext http, RecordStage record, ReadCpts read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await record.RunAsync(id, body.Stage, body.Date, body.Version, actor, ct);
        return await Reread(result, id, actor, read, ct);
    }

    private static async Task<IResult> Letter(Guid id, LetterRequest body, HttpContext http, UpdateLetter update, ReadCpts read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var letter = new LetterOfIntent
        {
            Actors = body.Actors, Context = body.Context, Needs = body.Needs, Objectives = body.Objectives, Calendar = body.Calendar, Obstacles = body.Obstacles,
        };
        return await Reread(await update.RunAsync(id, letter, body.Version, actor, ct), id, actor, read, ct);
    }

    private static async Task<IResult> Audit(Guid id, HttpContext http, ReadCpts read, CancellationToken ct)
    {
        var result = await read.GetAsync(id, http.GetActor(), ct);
        return !result.Succeeded ? result.ToProblem()
            : !(result.Value!.Tenant.Manages || result.Value.Tenant.Steers) ? Result<Cpts>.Fail(Error.Forbidden()).ToProblem()
            : TypedResults.Ok(result.Value.Audit.Select(a => new CptsDtos.AuditLine(a.At, a.ActorName, a.Action, a.Details)).ToList());
    }

    private static async Task<IResult> Reread(Result<Cpts> result, Guid id, Maillage.Platform.Tenancy.Actor actor, ReadCpts read, CancellationToken ct) =>
        result.Succeeded ? TypedResults.Ok(CptsDtos.From((await read.GetAsync(id, actor, ct)).Value!)) : result.ToProblem();
}
