using Maillage.Membership.Published;
using System.Globalization;
using Maillage.Directory;
using Maillage.Membership;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Membership;

/// <summary>
/// One adhérent: identity, college, status history (who, why), dues by year with their receipts; for the coordinator (or an admin) the
/// forms to change the college and the status (with the version the page was read at) and to record dues or their payment.
/// </summary>
public sealed class MemberDetailModel(ReadMember read, ChangeMemberStatus changeStatus, ChangeMemberCollege changeCollege, RecordDues recordDues) : PageModel, IRefusesForms
{
    public MemberDetail? Detail { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, CancellationToken ct) => await LoadAsync(id, memberId, ct);

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid memberId, string? status, DateOnly? from, string? reason, int? version, CancellationToken ct)
    {
        var result = await changeStatus.RunAsync(id, memberId, new MemberStatusInput(status, from, reason, version), HttpContext.GetActor(), ct);
        return await AfterAsync(id, memberId, result, () => $"Statut enregistré : « {result.Value!.Status?.French()} ».", ct);
    }

    public async Task<IActionResult> OnPostCollegeAsync(Guid id, Guid memberId, string? college, int? version, CancellationToken ct)
    {
        var result = await changeCollege.RunAsync(id, memberId, new MemberCollegeInput(college, version), HttpContext.GetActor(), ct);
        return await AfterAsync(id, memberId, result, () => result.Value!.College is { } c ? $"Collège enregistré : « {c} »." : "L'adhérent ne siège plus dans aucun collège.", ct);
    }

    public async Task<IActionResult> OnPostDuesAsync(Guid id, Guid memberId, int? year, string? amount, DateOnly? paidOn, CancellationToken ct)
    {
        var result = await recordDues.RunAsync(id, memberId, new DuesInput(year, ParseAmount(amount), paidOn), HttpContext.GetActor(), ct);
        return await AfterAsync(id, memberId, result, () => result.Value!.ReceiptNumber is { } receipt
            ? $"Cotisation {result.Value.Year} réglée : reçu {receipt}."
            : $"Cotisation {result.Value.Year} enregistrée, non réglée.", ct);
    }

    /// <summary>An amount typed the French way (« 30,50 ») or with a point; null when it is no number.</summary>
    public static decimal? ParseAmount(string? text)
    {
        var s = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal)
            .Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct) =>
        AfterAsync(arguments.Get<Guid>("id"), arguments.Get<Guid>("memberId"), Result<object>.Fail(errors), () => "", ct);

    private async Task<IActionResult> AfterAsync<T>(Guid id, Guid memberId, Result<T> result, Func<string> notice, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            Notice = notice();
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
        }

        return await LoadAsync(id, memberId, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        var result = await read.RunAsync(id, memberId, HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.Kind == ErrorKind.Forbidden ? Forbidden() : NotFound();
        }

        Detail = result.Value;
        return Page();
    }

    private PageResult Forbidden()
    {
        Errors = [Error.Forbidden()];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
