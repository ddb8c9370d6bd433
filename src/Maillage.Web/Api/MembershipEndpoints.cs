using Maillage.Community;
using Maillage.Web.Platform;

namespace Maillage.Web.Api;

/// <summary>
/// The members of a CPTS (<c>/api/cpts/{id}/members</c>), its membership rates (<c>/api/cpts/{id}/membership/rates</c>, exported by
/// <c>/membership/rates/export</c>) and their monthly history (<c>/api/cpts/{id}/membership/history</c>).
/// </summary>
public static class MembershipEndpoints
{
    public sealed record AddMemberRequest(string? Rpps, Guid? ProfessionalId, Guid? StructureId, string? College, string? Status, DateOnly? Since);

    public sealed record StatusRequest(string? Status, DateOnly? From, string? Reason, int? Version);

    public sealed record DuesRequest(int? Year, decimal? Amount, DateOnly? PaidOn);

    public sealed record PeriodDto(MembershipStatus Status, string StatusLabel, DateOnly From, string By, string? Reason);

    public sealed record DuesDto(Guid Id, int Year, decimal Amount, DateOnly? PaidOn, string? ReceiptNumber);

    public sealed record MemberDto(Guid Id, string Kind, Guid? ProfessionalId, string? Rpps, Guid? StructureId, string Name, string? Profession,
        string? ProfessionLabel, string? StructureKind, string? College, MembershipStatus? Status, string? StatusLabel, DateOnly? Since, int Version,
        IReadOnlyList<PeriodDto> History, IReadOnlyList<DuesDto> Dues);

    public sealed record MemberListDto(Guid CptsId, string CptsName, bool CanManage, IReadOnlyList<MemberDto> Members);

    public static void MapMembershipApi(this WebApplication app)
    {
        var cpts = app.MapGroup("/api/cpts/{id:guid}").RequireAuthorization().WithTags("Membership");
        cpts.MapGet("/members", List).WithName("ListMembers")
            .WithSummary("Members of the CPTS with status, history and dues; the coordinator, an admin and the CPTS's members")
            .Produces<MemberListDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapPost("/members", Add).WithName("AddMember")
            .WithSummary("Makes a professional (rpps or professionalId) or a structure (structureId) of the territory a member (status prospect or member, "
                + "since a date); coordinator or admin")
            .Produces<MemberDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapPost("/members/{memberId:guid}/status", Status).WithName("ChangeMemberStatus")
            .WithSummary("Records a new status (prospect, member, active, former) from a date, with a reason; coordinator or admin")
            .Produces<MemberDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapPost("/members/{memberId:guid}/dues", RecordDues).WithName("RecordDues")
            .WithSummary("Records the dues of a year (amount in euros) and their payment (paidOn), which issues a receipt CPTS-<year>-<seq>; coordinator or admin")
            .Produces<DuesDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapGet("/membership/rates", Rates).WithName("MembershipRates")
            .WithSummary("Members and active members by profession and by kind of structure, against the territory's directory; every reader of the CPTS")
            .Produces<MembershipRates>().ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapGet("/membership/history", History).WithName("MembershipHistory")
            .WithSummary("Members and active members at the end of each of the last 24 months, and their rate over the professionals and structures "
                + "of the territory in today's directory (no directory history); every reader of the CPTS")
            .Produces<IReadOnlyList<MembershipMonth>>().ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapGet("/membership/rates/export", Export).WithName("MembershipRatesExport")
            .WithSummary("The rates by profession and kind of structure and the monthly history as CSV (format=csv) or Excel (format=xlsx); "
                + "every reader of the CPTS")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static MemberDto ToDto(MemberRow m) => new(m.Id, m.ProfessionalId is null ? "structure" : "professional", m.ProfessionalId, m.Rpps,
        m.StructureId, m.Name, m.ProfessionCode, m.Profession, m.StructureKind is { } k ? Kebab(k.ToString()) : null, m.College, m.Status,
        m.Status?.French(), m.Since, m.Version, [.. m.History.Select(ToDto)], [.. m.Dues.Select(ToDto)]);

    public static PeriodDto ToDto(MembershipPeriod p) => new(p.Status, p.Status.French(), p.From, p.By, p.Reason);

    public static DuesDto ToDto(Dues d) => new(d.Id, d.Year, d.Amount, d.PaidOn, d.ReceiptNumber);

    private static async Task<IResult> List(Guid id, HttpContext http, ReadMembers read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new MemberListDto(result.Value!.CptsId, result.Value.CptsName, result.Value.CanManage, [.. result.Value.Members.Select(ToDto)]))
            : result.ToProblem();
    }

    private static async Task<IResult> Add(Guid id, AddMemberRequest body, HttpContext http, AddMember add, ReadMembers read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await add.RunAsync(id, new AddMemberInput(body.ProfessionalId, body.Rpps, body.StructureId, body.College, body.Status, body.Since), actor, ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var row = await RowAsync(read, id, result.Value!.Id, actor, ct);
        return TypedResults.Created($"/api/cpts/{id}/members/{row.Id}", row);
    }

    private static async Task<IResult> Status(Guid id, Guid memberId, StatusRequest body, HttpContext http, ChangeMemberStatus change, ReadMembers read,
        CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await change.RunAsync(id, memberId, new MemberStatusInput(body.Status, body.From, body.Reason, body.Version), actor, ct);
        return result.Succeeded ? TypedResults.Ok(await RowAsync(read, id, memberId, actor, ct)) : result.ToProblem();
    }

    private static async Task<IResult> RecordDues(Guid id, Guid memberId, DuesRequest body, HttpContext http, RecordDues record, CancellationToken ct)
    {
        var result = await record.RunAsync(id, memberId, new DuesInput(body.Year, body.Amount, body.PaidOn), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Rates(Guid id, HttpContext http, ComputeMembershipRates compute, CancellationToken ct)
    {
        var result = await compute.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.ToProblem();
    }

    private static async Task<IResult> History(Guid id, HttpContext http, ComputeMembershipHistory compute, CancellationToken ct)
    {
        var result = await compute.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.ToProblem();
    }

    private static async Task<IResult> Export(Guid id, string? format, HttpContext http, ComputeMembershipRates rates, ComputeMembershipHistory history,
        CancellationToken ct)
    {
        var kind = format?.Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx" or null or ""))
        {
            return new[] { new Maillage.Platform.Errors.Error("invalid_format", $"Format « {format} » inconnu : csv ou xlsx.", "format") }.ToProblem();
        }

        var actor = http.GetActor();
        var computed = await rates.RunAsync(id, actor, ct);
        if (!computed.Succeeded)
        {
            return computed.ToProblem();
        }

        var months = await history.RunAsync(id, actor, ct);
        if (!months.Succeeded)
        {
            return months.ToProblem();
        }

        var stream = new MemoryStream();
        const string name = "taux-adhesion";
        if (kind == "xlsx")
        {
            MembershipExport.WriteExcel(computed.Value!, months.Value!, stream);
            stream.Position = 0;
            return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        await MembershipExport.WriteCsvAsync(computed.Value!, months.Value!, stream, ct);
        stream.Position = 0;
        return TypedResults.File(stream, "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>The member as the list shows it, re-read after a change (the manager who made it may read the list).</summary>
    private static async Task<MemberDto> RowAsync(ReadMembers read, Guid cptsId, Guid memberId, Maillage.Platform.Tenancy.Actor actor, CancellationToken ct) =>
        ToDto((await read.RunAsync(cptsId, actor, ct)).Value!.Members.Single(m => m.Id == memberId));

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
