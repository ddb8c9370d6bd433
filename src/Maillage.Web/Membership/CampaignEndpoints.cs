using Maillage.Directory;
using Maillage.Membership.Campaigns;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Maillage.Territories.Published;
using Maillage.Directory.Published;

namespace Maillage.Web.Membership;

/// <summary>
/// Recruitment and information campaigns of a CPTS (<c>/api/cpts/{id}/campaigns</c>): drafts, the audience of a segment, the send
/// (202, run in the background, followed through <c>/status</c>) and the sent log. The coordinator or an admin only.
/// </summary>
public static class CampaignEndpoints
{
    public sealed record CampaignRequest(string? Name, string? Subject, string? Body, string? Profession, string? Commune, string? Membership);

    public sealed record SendRequest(int? Version);

    public sealed record SegmentDto(string? Profession, string? ProfessionLabel, string? Commune, string? CommuneName, SegmentMembership Membership,
        string MembershipLabel);

    public sealed record CountsDto(int Sent, int Unsubscribed, int Failed);

    public sealed record AudienceDto(int Recipients, int Unsubscribed);

    public sealed record CampaignDto(Guid Id, string Name, string Subject, string Body, SegmentDto Segment, CampaignState State, string CreatedBy,
        DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? SentBy, int Version, CountsDto Counts, AudienceDto? Audience);

    public sealed record CampaignListDto(Guid CptsId, string CptsName, IReadOnlyList<CampaignDto> Campaigns);

    public sealed record StatusDto(Guid CampaignId, CampaignState State, int Total, int Done, int Sent, int Unsubscribed, int Failed,
        DateTimeOffset? SentAt, string? Error);

    public sealed record MessageDto(string Email, MessageOutcome Outcome, string? Error, DateTimeOffset At);

    public static void MapCampaignsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cpts = app.MapGroup("/api/cpts/{id:guid}/campaigns").RequireAuthorization().WithTags("Campaigns");
        cpts.MapGet("", List).WithName("ListCampaigns")
            .WithSummary("The campaigns of the CPTS, newest first, with their state and sent-log counts; coordinator or admin")
            .Produces<CampaignListDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapPost("", Create).WithName("CreateCampaign")
            .WithSummary("Creates a draft: name, subject, plain-text body and segment (profession TRE_G15, commune of the territory, membership "
                + "all|members|non-members, non-members by default); coordinator or admin")
            .Produces<CampaignDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapGet("/audience", Audience).WithName("CampaignAudience")
            .WithSummary("How many addresses a segment reaches today (professionals practising in the territory with a work e-mail), and how many "
                + "of them unsubscribed; coordinator or admin")
            .Produces<AudienceDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapGet("/{campaignId:guid}", One).WithName("GetCampaign")
            .WithSummary("One campaign with its state, counts and (until sent) the audience of its segment; coordinator or admin")
            .Produces<CampaignDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapPost("/{campaignId:guid}/send", Send).WithName("SendCampaign")
            .WithSummary("Sends the campaign in the background (202 with the status URL), or resumes a send that stopped midway; a campaign is "
                + "sent once (409 afterwards); coordinator or admin")
            .Produces<StatusDto>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cpts.MapGet("/{campaignId:guid}/status", Status).WithName("CampaignStatus")
            .WithSummary("Progress of the campaign: state (draft, sending, interrupted, sent), addresses handled out of the total; coordinator or admin")
            .Produces<StatusDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cpts.MapGet("/{campaignId:guid}/messages", Messages).WithName("CampaignMessages")
            .WithSummary("The sent log: one line per address with its outcome (sent, unsubscribed, failed and why); coordinator or admin")
            .Produces<IReadOnlyList<MessageDto>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The address unsubscribe links start with: <c>Maillage:PublicUrl</c> when set, else the address of this request.</summary>
    public static string PublicBase(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Maillage:PublicUrl"];
        return configured is { Length: > 0 } url ? url.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
    }

    public static StatusDto ToDto(CampaignStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.CampaignId, s.State, s.Total, s.Done, s.Counts.Sent, s.Counts.Unsubscribed, s.Counts.Failed, s.SentAt, s.Error);
    }

    private static CampaignDto ToDto(CampaignSummary s, AudienceCount? audience, Nomenclatures nomenclatures, GeoCatalog geo)
    {
        var c = s.Campaign;
        var segment = new SegmentDto(c.SegmentProfession, c.SegmentProfession is { } p ? nomenclatures.ProfessionLabel(p) : null, c.SegmentCommune,
            c.SegmentCommune is { } code ? geo.Find(code)?.Name ?? code : null, c.SegmentMembership, c.SegmentMembership.French());
        return new CampaignDto(c.Id, c.Name, c.Subject, c.Body, segment, s.State, c.CreatedBy, c.CreatedAt, c.SentAt, c.SentBy, c.Version,
            new CountsDto(s.Counts.Sent, s.Counts.Unsubscribed, s.Counts.Failed), audience is null ? null : new AudienceDto(audience.Recipients, audience.Unsubscribed));
    }

    private static async Task<IResult> List(Guid id, HttpContext http, ReadCampaigns read, Nomenclatures nomenclatures, GeoCatalog geo, CancellationToken ct)
    {
        var result = await read.ListAsync(id, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new CampaignListDto(id, result.Value!.CptsName, [.. result.Value.Campaigns.Select(c => ToDto(c, null, nomenclatures, geo))]))
            : result.ToProblem();
    }

    private static async Task<IResult> Create(Guid id, CampaignRequest body, HttpContext http, CreateCampaign create, ReadCampaigns read,
        Nomenclatures nomenclatures, GeoCatalog geo, CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await create.RunAsync(id, new CampaignInput(body.Name, body.Subject, body.Body, body.Profession, body.Commune, body.Membership), actor, ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var detail = (await read.OneAsync(id, result.Value!.Id, actor, ct)).Value!;
        return TypedResults.Created($"/api/cpts/{id}/campaigns/{result.Value.Id}", ToDto(detail.Summary, detail.Audience, nomenclatures, geo));
    }

    private static async Task<IResult> Audience(Guid id, string? profession, string? commune, string? membership, HttpContext http, ReadCampaigns read,
        CancellationToken ct)
    {
        var result = await read.AudienceAsync(id, profession, commune, membership, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(new AudienceDto(result.Value!.Recipients, result.Value.Unsubscribed)) : result.ToProblem();
    }

    private static async Task<IResult> One(Guid id, Guid campaignId, HttpContext http, ReadCampaigns read, Nomenclatures nomenclatures, GeoCatalog geo,
        CancellationToken ct)
    {
        var result = await read.OneAsync(id, campaignId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!.Summary, result.Value.Audience, nomenclatures, geo)) : result.ToProblem();
    }

    private static async Task<IResult> Send(Guid id, Guid campaignId, [FromBody] SendRequest? body, HttpContext http, StartCampaignSend start,
        CancellationToken ct)
    {
        var result = await start.RunAsync(id, campaignId, body?.Version, PublicBase(http), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Accepted($"/api/cpts/{id}/campaigns/{campaignId}/status", ToDto(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Status(Guid id, Guid campaignId, HttpContext http, ReadCampaigns read, CancellationToken ct)
    {
        var result = await read.StatusAsync(id, campaignId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Messages(Guid id, Guid campaignId, HttpContext http, ReadCampaigns read, CancellationToken ct)
    {
        var result = await read.LogAsync(id, campaignId, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!.Select(m => new MessageDto(m.Email, m.Outcome, m.Error, m.At)).ToList())
            : result.ToProblem();
    }
}
