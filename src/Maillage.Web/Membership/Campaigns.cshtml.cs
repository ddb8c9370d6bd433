using Maillage.Lifecycle.Published;
using Maillage.Platform.Time;
using Maillage.Directory;
using Maillage.Membership.Campaigns;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Directory.Published;

namespace Maillage.Web.Membership;

/// <summary>
/// The campaigns of a CPTS and the form of a new one, with a count of the segment's recipients before creating it: the coordinator or an
/// admin; the CPTS's members and the officers get a 403 page.
/// </summary>
public sealed class CampaignsModel(ReadCampaigns read, CreateCampaign create, Nomenclatures nomenclatures, ReadDirectory directory, Tenancy tenancy) : PageModel
{
    /// <summary>The CPTS's clock: dates are those of the place.</summary>
    public LocalClock? Clock { get; private set; }

    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public CampaignList? List { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public AudienceCount? Audience { get; private set; }

    public Nomenclatures Nomenclatures => nomenclatures;

    /// <summary>The communes of the territory, by name, for the segment.</summary>
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostCountAsync(Guid id, CancellationToken ct)
    {
        var result = await read.AudienceAsync(id, Form.Profession, Form.Commune, Form.Membership, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            Audience = result.Value;
        }
        else
        {
            Fail(result.Errors, result.Kind);
        }

        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(Guid id, CancellationToken ct)
    {
        var result = await create.RunAsync(id, new CampaignInput(Form.Name, Form.Subject, Form.Body, Form.Profession, Form.Commune, Form.Membership),
            HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            return Redirect($"/cpts/{id}/campagnes/{result.Value!.Id}");
        }

        Fail(result.Errors, result.Kind);
        return await LoadAsync(id, ct);
    }

    private void Fail(IReadOnlyList<Error> errors, ErrorKind kind)
    {
        Errors = errors;
        Response.StatusCode = PageErrors.StatusOf(kind);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var list = await read.ListAsync(id, actor, ct);
        if (!list.Succeeded)
        {
            if (list.Kind != ErrorKind.Forbidden)
            {
                return NotFound();
            }

            Fail(list.Errors, list.Kind);
            return Page();
        }

        List = list.Value;
        Clock = (await tenancy.ForPlatformAsync(id, ct)).Value?.Clock;
        var scope = await directory.ScopeAsync(id, actor, ct);
        Communes = [.. scope.Value!.Communes.Select(c => (c, directory.CommuneName(c))).OrderBy(c => c.Item2, StringComparer.Create(Maillage.Platform.French.Culture, true))];
        return Page();
    }
}

/// <summary>The fields of the new campaign form.</summary>
public sealed class CampaignForm
{
    public string? Name { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? Profession { get; set; }

    public string? Commune { get; set; }

    public string? Membership { get; set; } = "non-members";
}
