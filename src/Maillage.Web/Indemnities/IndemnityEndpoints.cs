using Maillage.Directory;
using Maillage.Indemnities;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Maillage.Directory.Published;

namespace Maillage.Web.Indemnities;

/// <summary>
/// Mission time and indemnities of a CPTS (<c>/api/cpts/{id}/indemnities</c>, domain-rules §5): the scale versions, members' declarations,
/// their validation under the officers' cap, payment batches and their export for the accountant, the profession notes, and totals
/// without names for every reader.
/// </summary>
public static class IndemnityEndpoints
{
    public sealed record DeclarationRequest(DateOnly? MissionDate, string? Activity, decimal? Hours, string? Description, Guid? MemberId);

    public sealed record ReviewRequest(int? Version, string? Reason);

    public sealed record ScaleRequest(DateOnly? EffectiveFrom, string? Reference, IReadOnlyList<ScaleRateInput>? Rates);

    public sealed record NoteRequest(string? Text, int? Version);

    public sealed record BatchRequest(DateOnly? Until);

    public sealed record PaidRequest(DateOnly? PaidOn, int? Version);

    public sealed record DeclarationDto(Guid Id, Guid MemberId, string Member, string? Rpps, string? Profession, string? ProfessionLabel, DateOnly MissionDate,
        Activity Activity, string ActivityLabel, decimal Hours, string Description, DeclarationStatus Status, string StatusLabel, string DeclaredBy,
        DateTimeOffset DeclaredAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? RejectionReason, Guid? ScaleId, decimal? HourlyRate,
        decimal? Amount, Guid? PaymentBatchId, string? BatchNumber, DateOnly? PaidOn, string? PaidBy, int Version);

    public sealed record RateDto(Activity Activity, string ActivityLabel, string? Profession, string? ProfessionLabel, decimal HourlyRate);

    public sealed record ScaleDto(Guid Id, DateOnly EffectiveFrom, string Reference, bool InForce, int Uses, string CreatedBy, DateTimeOffset CreatedAt,
        IReadOnlyList<RateDto> Rates);

    public sealed record NoteDto(string Profession, string ProfessionLabel, string Text, string UpdatedBy, DateTimeOffset UpdatedAt, int Version);

    public sealed record AggregateDto(int Year, string? Profession, string ProfessionLabel, Activity Activity, string ActivityLabel, decimal Hours,
        decimal Amount, int Declarations);

    public sealed record PersonTotalDto(Guid MemberId, string Name, string? Rpps, string? Profession, string? ProfessionLabel, decimal Hours, decimal Amount,
        int Declarations);

    public sealed record ConcentrationDto(int People, decimal Total, decimal? TopShare, decimal? TopThreeShare, bool TooFewPeople,
        IReadOnlyList<string> Warnings, IReadOnlyList<PersonTotalDto>? Largest);

    public sealed record CapDto(DateOnly Month, decimal MonthlySmic, decimal Cap, string Source);

    public sealed record SummaryDto(Guid CptsId, string CptsName, Guid? MemberId, bool CanDeclare, bool CanRun, bool CanPay, bool SeesAll,
        IReadOnlyList<ScaleDto> Scales, IReadOnlyList<NoteDto> Notes, IReadOnlyList<AggregateDto> Aggregates, ConcentrationDto Concentration, CapDto? OfficerCap,
        IReadOnlyList<DeclarableMember> Declarable);

    public sealed record BatchDto(Guid Id, string Number, DateTimeOffset CreatedAt, string CreatedBy, DateOnly? PaidOn, string? PaidBy, decimal Total,
        int Declarations, int People, int Version);

    public sealed record BatchDetailDto(BatchDto Batch, IReadOnlyList<DeclarationDto> Declarations, IReadOnlyList<PersonTotalDto> People,
        IReadOnlyList<NoteDto> Notes);

    public static void MapIndemnitiesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cpts/{id:guid}/indemnities").RequireAuthorization().WithTags("Indemnities");
        group.MapGet("", Summary).WithName("IndemnitySummary")
            .WithSummary("Scale versions, profession notes, the officers' cap of the month, totals by year, profession and activity (no names) and the "
                + "concentration of the last 12 months; every reader of the CPTS, officers included")
            .Produces<SummaryDto>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/declarations", Declarations).WithName("ListTimeDeclarations")
            .WithSummary("Declarations: all for the coordinator, bureau and treasurer; a linked member's own otherwise (status=declared|validated|rejected|paid)")
            .Produces<IReadOnlyList<DeclarationDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/declarations", Declare).WithName("DeclareTime")
            .WithSummary("Declares mission time (missionDate, activity meeting|action|training|governance, hours in quarter hours, description): a linked "
                + "member for itself, or the coordinator or a bureau member for a member (memberId)")
            .Produces<DeclarationDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/declarations/{declarationId:guid}/validate", Validate).WithName("ValidateTimeDeclaration")
            .WithSummary("Validates a declaration: the amount comes from the scale in force on the mission date; an officer stays within 3/4 of the "
                + "monthly SMIC; never one's own; coordinator or bureau")
            .Produces<DeclarationDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/declarations/{declarationId:guid}/reject", Reject).WithName("RejectTimeDeclaration")
            .WithSummary("Rejects a declaration with a reason; never one's own; coordinator or bureau")
            .Produces<DeclarationDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/scales", CreateScale).WithName("CreateIndemnityScale")
            .WithSummary("Records a new version of the scale (effectiveFrom, reference, rates per activity in €/h, optionally per profession); "
                + "versions are never edited; coordinator or bureau")
            .Produces<ScaleDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/scales/{scaleId:guid}", DeleteScale).WithName("DeleteIndemnityScale")
            .WithSummary("Deletes a scale version no declaration was validated with; coordinator or bureau")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/notes/{profession}", SaveNote).WithName("SaveIndemnityProfessionNote")
            .WithSummary("Writes the CPTS's note on the tax and social treatment of indemnities for a profession (TRE_G15 code); coordinator or bureau")
            .Produces<NoteDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapBatches(group);
    }

    private static void MapBatches(RouteGroupBuilder group)
    {
        group.MapGet("/batches", Batches).WithName("ListPaymentBatches")
            .WithSummary("Payment batches, newest first; treasurer, coordinator or bureau")
            .Produces<IReadOnlyList<BatchDto>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/batches", CreateBatch).WithName("CreatePaymentBatch")
            .WithSummary("Puts every validated declaration not yet in a batch (missions up to until, when given) in a batch numbered <year>-<seq>; "
                + "the treasurer or an admin, not the coordinator")
            .Produces<BatchDetailDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/batches/{batchId:guid}", Batch).WithName("PaymentBatch")
            .WithSummary("A batch with its declarations, totals per person and the profession notes; treasurer, coordinator or bureau")
            .Produces<BatchDetailDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/batches/{batchId:guid}/paid", MarkPaid).WithName("MarkPaymentBatchPaid")
            .WithSummary("Records the date of the transfers: the declarations become paid and the batch never changes again; treasurer or admin")
            .Produces<BatchDetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/batches/{batchId:guid}", CancelBatch).WithName("CancelPaymentBatch")
            .WithSummary("Cancels a batch not yet paid (its declarations wait for the next one); treasurer or admin")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/batches/{batchId:guid}/export", Export).WithName("ExportPaymentBatch")
            .WithSummary("The batch for the accountant as CSV (format=csv) or Excel (format=xlsx): declarations, totals per person, profession notes")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static DeclarationDto ToDto(DeclarationRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var d = r.Declaration;
        return new DeclarationDto(d.Id, d.MemberId, r.Person.Name, r.Person.Rpps, r.Person.ProfessionCode, r.Person.Profession, d.MissionDate, d.Activity,
            d.Activity.French(), d.Hours, d.Description, d.Status, d.Status.French(), d.DeclaredBy, d.DeclaredAt, d.ReviewedBy, d.ReviewedAt,
            d.RejectionReason, d.ScaleId, d.HourlyRate, d.Amount, d.PaymentBatchId, r.BatchNumber, r.PaidOn, r.PaidBy, d.Version);
    }

    private static PersonTotalDto ToDto(PersonTotal p) =>
        new(p.Person.MemberId, p.Person.Name, p.Person.Rpps, p.Person.ProfessionCode, p.Person.Profession, p.Hours, p.Amount, p.Declarations);

    private static NoteDto ToDto(ProfessionNote n, Nomenclatures nomenclatures) =>
        new(n.ProfessionCode, nomenclatures.ProfessionLabel(n.ProfessionCode), n.Text, n.UpdatedBy, n.UpdatedAt, n.Version);

    private static ScaleDto ToDto(ScaleView v, Nomenclatures nomenclatures) => new(v.Scale.Id, v.Scale.EffectiveFrom, v.Scale.Reference, v.InForce, v.Uses,
        v.Scale.CreatedBy, v.Scale.CreatedAt, [.. v.Scale.Rates.OrderBy(r => r.Activity).ThenBy(r => r.ProfessionCode, StringComparer.Ordinal)
            .Select(r => new RateDto(r.Activity, r.Activity.French(), r.ProfessionCode,
                r.ProfessionCode is { } p ? nomenclatures.ProfessionLabel(p) : null, r.HourlyRate))]);

    private static BatchDto ToDto(PaymentBatch b, int declarations, int people) =>
        new(b.Id, b.Number, b.CreatedAt, b.CreatedBy, b.PaidOn, b.PaidBy, b.Total, declarations, people, b.Version);

    private static BatchDetailDto ToDto(BatchDetail d, Nomenclatures nomenclatures) =>
        new(ToDto(d.Batch, d.Declarations.Count, d.People.Count), [.. d.Declarations.Select(ToDto)], [.. d.People.Select(ToDto)],
            [.. d.Notes.Select(n => ToDto(n, nomenclatures))]);

    private static async Task<IResult> Summary(Guid id, HttpContext http, ReadIndemnities read, Nomenclatures nomenclatures, CancellationToken ct)
    {
        var result = await read.SummaryAsync(id, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var s = result.Value!;
        var c = s.Concentration;
        return TypedResults.Ok(new SummaryDto(s.CptsId, s.CptsName, s.MemberId, s.CanDeclare, s.CanRun, s.CanPay, s.SeesAll,
            [.. s.Scales.Select(v => ToDto(v, nomenclatures))], [.. s.Notes.Select(n => ToDto(n, nomenclatures))],
            [.. s.Aggregates.Select(a => new AggregateDto(a.Year, a.ProfessionCode, a.Profession, a.Activity, a.Activity.French(), a.Hours, a.Amount, a.Declarations))],
            new ConcentrationDto(c.People, c.Total, c.TopShare, c.TopThreeShare, c.TooFewPeople, c.Warnings, c.Largest?.Select(ToDto).ToList()),
            s.Cap is { } cap ? new CapDto(cap.Month, cap.MonthlySmic, cap.Cap, cap.Source) : null, s.Declarable));
    }

    private static async Task<IResult> Declarations(Guid id, string? status, HttpContext http, ReadIndemnities read, CancellationToken ct)
    {
        DeclarationStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            var parsed = IndemnityLabels.ParseStatus(status);
            if (!parsed.Succeeded)
            {
                return parsed.ToProblem();
            }

            filter = parsed.Value;
        }

        var result = await read.DeclarationsAsync(id, http.GetActor(), filter, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(ToDto).ToList()) : result.ToProblem();
    }

    private static async Task<IResult> Declare(Guid id, DeclarationRequest body, HttpContext http, DeclareTime declare, ReadIndemnities read, CancellationToken ct)
    {
        var result = await declare.RunAsync(id, new DeclarationInput(body.MissionDate, body.Activity, body.Hours, body.Description, body.MemberId),
            http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/indemnities/declarations/{result.Value!.Id}", ToDto(await read.RowAsync(result.Value, ct)))
            : result.ToProblem();
    }

    private static async Task<IResult> Validate(Guid id, Guid declarationId, ReviewRequest? body, HttpContext http, ValidateDeclaration validate,
        ReadIndemnities read, CancellationToken ct) =>
        await Reviewed(await validate.RunAsync(id, declarationId, new ReviewInput(body?.Version), http.GetActor(), ct), read, ct);

    private static async Task<IResult> Reject(Guid id, Guid declarationId, ReviewRequest body, HttpContext http, RejectDeclaration reject,
        ReadIndemnities read, CancellationToken ct) =>
        await Reviewed(await reject.RunAsync(id, declarationId, new ReviewInput(body.Version, body.Reason), http.GetActor(), ct), read, ct);

    private static async Task<IResult> Reviewed(Result<TimeDeclaration> result, ReadIndemnities read, CancellationToken ct) =>
        result.Succeeded ? TypedResults.Ok(ToDto(await read.RowAsync(result.Value!, ct))) : result.ToProblem();

    private static async Task<IResult> CreateScale(Guid id, ScaleRequest body, HttpContext http, CreateScale create, ReadIndemnities read,
        Nomenclatures nomenclatures, CancellationToken ct)
    {
        var result = await create.RunAsync(id, new ScaleInput(body.EffectiveFrom, body.Reference, body.Rates), http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var view = (await read.SummaryAsync(id, http.GetActor(), ct)).Value!.Scales.Single(s => s.Scale.Id == result.Value!.Id);
        return TypedResults.Created($"/api/cpts/{id}/indemnities/scales/{view.Scale.Id}", ToDto(view, nomenclatures));
    }

    private static async Task<IResult> DeleteScale(Guid id, Guid scaleId, HttpContext http, DeleteScale delete, CancellationToken ct)
    {
        var result = await delete.RunAsync(id, scaleId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<IResult> SaveNote(Guid id, string profession, NoteRequest body, HttpContext http, SaveProfessionNote save,
        Nomenclatures nomenclatures, CancellationToken ct)
    {
        var result = await save.RunAsync(id, profession, new ProfessionNoteInput(body.Text, body.Version), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!, nomenclatures)) : result.ToProblem();
    }

    private static async Task<IResult> Batches(Guid id, HttpContext http, ReadIndemnities read, CancellationToken ct)
    {
        var result = await read.BatchesAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(b => ToDto(b.Batch, b.Declarations, b.People)).ToList()) : result.ToProblem();
    }

    private static async Task<IResult> CreateBatch(Guid id, BatchRequest? body, HttpContext http, CreatePaymentBatch create, ReadIndemnities read,
        Nomenclatures nomenclatures, CancellationToken ct)
    {
        var result = await create.RunAsync(id, body?.Until, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/indemnities/batches/{result.Value!.Id}", await DetailAsync(read, nomenclatures, id, result.Value.Id, http, ct))
            : result.ToProblem();
    }

    private static async Task<IResult> Batch(Guid id, Guid batchId, HttpContext http, ReadIndemnities read, Nomenclatures nomenclatures, CancellationToken ct)
    {
        var result = await read.BatchAsync(id, batchId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!, nomenclatures)) : result.ToProblem();
    }

    private static async Task<IResult> MarkPaid(Guid id, Guid batchId, PaidRequest body, HttpContext http, MarkBatchPaid mark, ReadIndemnities read,
        Nomenclatures nomenclatures, CancellationToken ct)
    {
        var result = await mark.RunAsync(id, batchId, new BatchChangeInput(body.PaidOn, body.Version), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(await DetailAsync(read, nomenclatures, id, batchId, http, ct)) : result.ToProblem();
    }

    private static async Task<IResult> CancelBatch(Guid id, Guid batchId, int? version, HttpContext http, CancelPaymentBatch cancel, CancellationToken ct)
    {
        var result = await cancel.RunAsync(id, batchId, new BatchChangeInput(Version: version), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<IResult> Export(Guid id, Guid batchId, string? format, HttpContext http, ReadIndemnities read, Nomenclatures nomenclatures,
        CancellationToken ct)
    {
        var excel = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => (bool?)false,
            "xlsx" => true,
            _ => null,
        };
        if (excel is null)
        {
            return new[] { new Error("invalid_format", $"Format « {format} » inconnu : csv ou xlsx.", "format") }.ToProblem();
        }

        var result = await read.BatchAsync(id, batchId, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var detail = result.Value!;
        var stream = new MemoryStream();
        if (excel.Value)
        {
            IndemnityExport.WriteExcel(detail, nomenclatures, stream);
        }
        else
        {
            await IndemnityExport.WriteCsvAsync(detail, nomenclatures, stream, ct);
        }

        stream.Position = 0;
        var name = IndemnityExport.FileName(detail.Batch);
        return excel.Value
            ? TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : TypedResults.File(stream, "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>The batch as the payer sees it after a change they were allowed to make.</summary>
    private static async Task<BatchDetailDto> DetailAsync(ReadIndemnities read, Nomenclatures nomenclatures, Guid cptsId, Guid batchId, HttpContext http,
        CancellationToken ct) =>
        ToDto((await read.BatchAsync(cptsId, batchId, http.GetActor(), ct)).Value!, nomenclatures);
}
