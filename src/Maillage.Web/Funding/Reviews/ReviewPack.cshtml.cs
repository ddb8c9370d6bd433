using Maillage.Funding.Reviews;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Funding.Reviews;

/// <summary>The printable pack of a review: one section per mission with its amounts, indicators and their trajectories, actions, the outcome.</summary>
public sealed class ReviewPackModel(BuildReviewPack build) : PageModel
{
    public ReviewPack? Pack { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int year, CancellationToken ct)
    {
        var result = await build.RunAsync(id, year, HttpContext.GetActor(), ct);
        Pack = result.Value;
        return result.Succeeded ? Page() : NotFound();
    }
}
