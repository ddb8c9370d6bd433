using Maillage.Directory;
using Maillage.Membership;
using Maillage.Web.Platform;
using Maillage.Membership.Published;

namespace Maillage.Web.Membership;

/// <summary>
/// The members of a CPTS (<c>/api/cpts/{id}/members</c>), its colleges (<c>/api/cpts/{id}/colleges</c>), its membership rates (<c>/api/cpts/{id}/membership/rates</c>, exported by
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

    public sealed record MemberCollegeRequest(string? College, int? Version);

    public sealed record CollegeRequest(string? Name, string? Description, int? Position);

    public sealed record CollegeDto(Guid Id, string Name, string? Description, int Position, int Members);

    public sealed record CollegeListDto(Guid CptsId, bool CanManage, IReadOnlyList<CollegeDto> Colleges);

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
        cpts.MapGet("/members/{memberId:guid}", One).WithName("GetMember")
            .WithSummary("One member with status history and dues; the coordinator, an admin and the CPTS's members")
            .Produces<MemberDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapPut("/members/{memberId:guid}/college", ChangeCollege).WithName("ChangeMemberCollege")
            .WithSummary("Moves a member to a college of the CPTS's list (blank: none; free text while the CPTS has no college), with the member's "
                + "version; coordinator or admin")
            .Produces<MemberDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        MapColleges(cpts);
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

    private static void MapColleges(RouteGroupBuilder cpts)
    {
        cpts.MapGet("/colleges", Colleges).WithName("ListColleges")
            .WithSummary("The colleges of the CPTS in display order with how many members (any status) sit in each; the coordinator, an admin and the CPTS's members")
            .Produces<CollegeListDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapPost("/colleges", AddCollege).WithName("AddCollege")
            .WithSummary("Adds a college (name unique in the CPTS, case ignored; description; position); coordinator or admin")
            .Produces<CollegeDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapPut("/colleges/{collegeId:guid}", UpdateCollege).WithName("UpdateCollege")
            .WithSummary("Renames a college (its members follow, in the same transaction) or changes its description or position; coordinator or admin")
            .Produces<CollegeDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapDelete("/colleges/{collegeId:guid}", RemoveCollege).WithName("RemoveCollege")
            .WithSummary("Removes a college nobody sits in (409 saying how many members still do); coordinator or admin")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
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

    private static async Task<IResult> One(Guid id, Guid memberId, HttpContext http, ReadMember read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, memberId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!.Member)) : result.ToProblem();
    }

    private static async Task<IResult> ChangeCollege(Guid id, Guid memberId, MemberCollegeRequest body, HttpContext http, ChangeMemberCollege change,
        ReadMember read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await change.RunAsync(id, memberId, new MemberCollegeInput(body.College, body.Version), actor, ct);
        return result.Succeeded ? TypedResults.Ok(ToDto((await read.RunAsync(id, memberId, actor, ct)).Value!.Member)) : result.ToProblem();
    }

    private static async Task<IResult> Colleges(Guid id, HttpContext http, ReadColleges read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new CollegeListDto(id, result.Value!.CanManage, [.. result.Value.Colleges.Select(ToDto)]))
            : result.ToProblem();
    }

    private static async Task<IResult> AddCollege(Guid id, CollegeRequest body, HttpContext http, AddCollege add, ReadColleges read, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await add.RunAsync(id, new CollegeInput(body.Name, body.Description, body.Position), actor, ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var college = await CollegeAsync(read, id, result.Value!.Id, actor, ct);
        return TypedResults.Created($"/api/cpts/{id}/colleges/{college.Id}", college);
    }

    private static async Task<IResult> UpdateCollege(Guid id, Guid collegeId, CollegeRequest body, HttpContext http, UpdateCollege update, ReadColleges read,
        CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await update.RunAsync(id, collegeId, new CollegeInput(body.Name, body.Description, body.Position), actor, ct);
        return result.Succeeded ? TypedResults.Ok(await CollegeAsync(read, id, collegeId, actor, ct)) : result.ToProblem();
    }

    private static async Task<IResult> RemoveCollege(Guid id, Guid collegeId, HttpContext http, RemoveCollege remove, CancellationToken ct)
    {
        var result = await remove.RunAsync(id, collegeId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }

    private static CollegeDto ToDto(CollegeRow c) => new(c.Id, c.Name, c.Description, c.Position, c.Members);

    private static async Task<CollegeDto> CollegeAsync(ReadColleges read, Guid cptsId, Guid collegeId, Maillage.Platform.Tenancy.Actor actor, CancellationToken ct) =>
        ToDto((await read.RunAsync(cptsId, actor, ct)).Value!.Colleges.Single(c => c.Id == collegeId));

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
