using Maillage.Platform.Errors;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Statistics;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// « Statistiques SNP »: the figures of <see cref="ReadSnpStatistics"/> over a period (by default the last 8 ISO weeks up to today, at the
/// CPTS's hour) as cards, a chart by week, tables by week, effector, commune and origin, the SAS supplement due, and links to the exports.
/// The coordinator and steering officers read every effector; an effector its own only; anyone else is answered 403.
/// </summary>
public sealed class StatistiquesModel(ReadSnp scopes, ReadSnpStatistics read) : SnpPageModel
{
    /// <summary>How many ISO weeks the default period spans, the current one included.</summary>
    public const int DefaultWeeks = 8;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public SnpStatistics? Stats { get; private set; }

    public Guid CptsId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        CptsId = id;
        var actor = HttpContext.GetActor();
        var scope = await scopes.ScopeAsync(id, actor, ct);
        if (!scope.Succeeded)
        {
            return NotFound();
        }

        // Nothing asked (the first visit, or the workspace's link): the last 8 ISO weeks up to today. A field typed but not a date stays empty
        // and is named by the period's checks.
        if (!Request.Query.ContainsKey("from") && !Request.Query.ContainsKey("to"))
        {
            To = scope.Value!.Today;
            From = SnpStatisticsMath.Monday(To.Value).AddDays(-7 * (DefaultWeeks - 1));
        }

        var result = await read.RunAsync(id, From, To, actor, ct);
        if (result.Succeeded)
        {
            Stats = result.Value;
            return Page();
        }

        switch (result.Errors.Max(e => e.Kind))
        {
            case ErrorKind.Forbidden:
                return ForbiddenPage();
            case ErrorKind.NotFound:
                return NotFound();
            default:
                Outcome(result.Errors, null);
                return Page();
        }
    }

    /// <summary>The API's export of the period shown, as the page's download links use it.</summary>
    public string ExportUrl(string format) =>
        $"/api/cpts/{CptsId}/snp/statistics/export?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&format={format}";

    /// <summary>A rate in French (« 71,4 % »), a dash when it has no denominator.</summary>
    public static string Rate(decimal? rate) => rate is { } r ? Maillage.Platform.French.Percent((double)r) : "—";

    /// <summary>Hours in French (« 2,5 h »), a dash when there is none.</summary>
    public static string Hours(decimal? hours) => hours is { } h ? h.ToString("0.##", Maillage.Platform.French.Culture) + "\u00A0h" : "—";
}

/// <summary>One breakdown's table (<c>_SnpFigures</c>): its id, caption, first column's header, lines, and whether slots are offered in it (not by origin).</summary>
public sealed record SnpFiguresTable(string Id, string Caption, string KeyHeader, IReadOnlyList<SnpLine> Lines, bool Offered = true);
