using Maillage.Lifecycle.Published;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Lifecycle.Journal;

/// <summary>What a reader asks of the journal: a part of the CPTS's life, a person, a period (local dates of the CPTS), a page.</summary>
public sealed record JournalQuery(string? Area = null, string? Who = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>A line of the journal, said as a sentence: « Le 12/03/2026 à 18:04, Marie Martin — Adhérents : … ».</summary>
public sealed record JournalLine(DateTimeOffset At, string When, string Who, string Area, string What)
{
    public string Sentence => $"Le {When}, {Who} — {Area} : {What}";
}

public sealed record JournalPage(Tenant Tenant, IReadOnlyList<JournalLine> Lines, int Page, bool HasMore, IReadOnlyList<string> People);

/// <summary>
/// The journal of a CPTS (every change recorded on it, newest first), for those who answer for it: its coordinator, the officers who
/// steer it, an admin. Members do not read it (it names who did what). Filterable by area, person and period; 100 lines a page.
/// </summary>
public sealed class ReadJournal(MaillageDbContext db, Tenancy tenancy)
{
    public const int PageSize = 100;

    /// <summary>The parts of a CPTS's life, by the prefix of the audit codes their modules write.</summary>
    public static IReadOnlyList<(string Id, string Label, string[] Prefixes)> Areas { get; } =
    [
        ("registre", "Registre et territoire", ["cpts."]),
        ("annuaire", "Annuaire", ["directory."]),
        ("adherents", "Adhérents et campagnes", ["member.", "college.", "campaign."]),
        ("association", "Vie associative", ["body.", "mandate.", "meeting.", "proposal.", "working-group.", "referent.", "decision."]),
        ("indemnites", "Temps et indemnités", ["indemnity."]),
        ("financement", "Financement", ["aci.", "funding."]),
    ];

    public static string AreaOf(string action) =>
        Areas.FirstOrDefault(a => a.Prefixes.Any(p => action.StartsWith(p, StringComparison.Ordinal))).Label ?? "Autre";

    public async Task<Result<JournalPage>> RunAsync(Guid cptsId, JournalQuery query, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var resolved = await tenancy.RequireAsync(cptsId, actor, t => t.Manages || t.Steers, ct);
        if (!resolved.Succeeded)
        {
            return Result<JournalPage>.Fail(resolved.Errors);
        }

        var tenant = resolved.Value!;
        if (query.From is { } f && query.To is { } t && t < f)
        {
            return new Error("period", "La fin de la période doit venir après son début.", "to");
        }

        var lines = db.AuditEntries.AsNoTracking().Where(a => a.CptsId == cptsId);
        if (query.Area is { Length: > 0 } area)
        {
            var prefixes = Areas.FirstOrDefault(a => a.Id == area).Prefixes;
            if (prefixes is null)
            {
                return new Error("area", $"« {area} » n'est pas une partie du journal : choisissez dans la liste.", "area");
            }

            lines = lines.Where(StartsWithAny(prefixes));
        }

        if (query.Who is { Length: > 0 } who)
        {
            lines = lines.Where(a => a.ActorName == who);
        }

        if (query.From is { } from)
        {
            var start = tenant.Clock.StartOf(from);
            lines = lines.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = tenant.Clock.StartOf(to.AddDays(1));
            lines = lines.Where(a => a.At < end);
        }

        var page = Math.Max(1, query.Page);
        var rows = await lines.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var people = (await db.AuditEntries.AsNoTracking().Where(a => a.CptsId == cptsId).Select(a => a.ActorName).Distinct().ToListAsync(ct))
            .Order(StringComparer.Create(French.Culture, true)).ToList();
        return Result<JournalPage>.Ok(new JournalPage(tenant, [.. rows.Take(PageSize).Select(a => Line(a, tenant))], page, rows.Count > PageSize, people));
    }

    // a.Action.StartsWith(p1) || a.Action.StartsWith(p2) || …: a LIKE per prefix, which both engines run on the index-free column quickly enough.
    private static System.Linq.Expressions.Expression<Func<AuditEntry, bool>> StartsWithAny(string[] prefixes)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(AuditEntry), "a");
        var action = System.Linq.Expressions.Expression.Property(row, nameof(AuditEntry.Action));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var body = prefixes.Select(p => (System.Linq.Expressions.Expression)System.Linq.Expressions.Expression.Call(action, startsWith, System.Linq.Expressions.Expression.Constant(p)))
            .Aggregate(System.Linq.Expressions.Expression.OrElse);
        return System.Linq.Expressions.Expression.Lambda<Func<AuditEntry, bool>>(body, row);
    }

    private static JournalLine Line(AuditEntry a, Tenant tenant) =>
        new(a.At, tenant.Clock.Local(a.At).ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            a.ActorName, AreaOf(a.Action), a.Details);
}
