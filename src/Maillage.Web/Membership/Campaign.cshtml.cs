using Maillage.Lifecycle.Published;
using Maillage.Platform.Time;
using Maillage.Membership.Campaigns;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Membership;

/// <summary>
/// One campaign: its message and segment, how many addresses it reaches, the send button (or resume, after an interruption), the progress
/// of a send under way (polled from the status API) and the sent log. The coordinator or an admin.
/// </summary>
public sealed class CampaignModel(ReadCampaigns read, StartCampaignSend start, Tenancy tenancy) : PageModel
{
    public CampaignDetail? Detail { get; private set; }

    /// <summary>The CPTS's clock: the sent log shows its local hours.</summary>
    public LocalClock? Clock { get; private set; }

    public IReadOnlyList<CampaignMessage> Log { get; private set; } = [];

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid campaignId, CancellationToken ct) => await LoadAsync(id, campaignId, ct);

    public async Task<IActionResult> OnPostSendAsync(Guid id, Guid campaignId, int? version, CancellationToken ct)
    {
        var result = await start.RunAsync(id, campaignId, version, CampaignEndpoints.PublicBase(HttpContext), HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            return Redirect($"/cpts/{id}/campagnes/{campaignId}");
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return await LoadAsync(id, campaignId, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, Guid campaignId, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var detail = await read.OneAsync(id, campaignId, actor, ct);
        if (!detail.Succeeded)
        {
            if (detail.Kind != ErrorKind.Forbidden)
            {
                return NotFound();
            }

            Errors = detail.Errors;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Detail = detail.Value;
        Clock = (await tenancy.ForPlatformAsync(id, ct)).Value?.Clock;
        Log = (await read.LogAsync(id, campaignId, actor, ct)).Value ?? [];
        return Page();
    }
}
