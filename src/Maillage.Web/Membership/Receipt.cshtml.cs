using Maillage.Membership;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Membership;

/// <summary>The printable receipt of a member's paid dues for a year: readers of the member list; not found for an unpaid year.</summary>
public sealed class ReceiptModel(ReadMember read) : PageModel
{
    public MemberDetail? Detail { get; private set; }

    public Dues? Dues { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, int year, CancellationToken ct)
    {
        var result = await read.RunAsync(id, memberId, HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.Kind == ErrorKind.Forbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }

        Detail = result.Value;
        Dues = Detail!.Member.Dues.FirstOrDefault(d => d.Year == year && d.ReceiptNumber is not null);
        return Dues is null ? NotFound() : Page();
    }
}
