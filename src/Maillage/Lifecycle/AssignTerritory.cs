using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle;

/// <summary>
/// Sets the territory of a CPTS inside the caller's unit of work: checks the codes, refuses communes held
/// by another CPTS unless an officer records an override with a reason, and refreshes the population and
/// tier snapshot on the CPTS.
/// </summary>
public sealed class AssignTerritory(MaillageDbContext db, ComputeTerritory compute, GeoCatalog geo, TimeProvider clock)
{
    /// <param name="overrideReason">Non-null when the actor asks to share communes with another CPTS.</param>
    public async Task<Result<TerritorySummary>> RunAsync(Cpts cpts, IReadOnlyCollection<string> codes, string? overrideReason, Actor actor, CancellationToken ct)
    {
        var summary = compute.Run(codes);
        if (summary.Errors.Count > 0)
        {
            return Result<TerritorySummary>.Fail(summary.Errors);
        }

        var wanted = summary.Units.Select(u => u.Code).ToList();
        var conflicts = await ConflictsAsync(cpts.Id, wanted, ct);
        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        if (conflicts.Count > 0 && reason is null)
        {
            return Result<TerritorySummary>.Fail(conflicts.Select(c => new Error("territory_overlap",
                $"{c.UnitName} ({c.Code}) appartient déjà à la CPTS « {c.OtherName} ».", "territory", ErrorKind.Conflict)));
        }

        // A CPTS being registered has no territory yet: the officer must steer the territory asked for.
        if (conflicts.Count > 0 && !Tenant.SteersTerritory(actor, cpts.DepartementCodes, cpts.RegionCodes)
            && !Tenant.SteersTerritory(actor, summary.Departements, summary.Regions))
        {
            return Error.Forbidden() with { Message = "Seul un référent ARS du territoire peut enregistrer une dérogation de chevauchement." };
        }

        var overridden = conflicts.Select(c => c.Code).ToHashSet();
        var current = await db.TerritoryUnits().EveryCpts().Where(u => u.CptsId == cpts.Id).ToListAsync(ct);
        db.TerritoryUnits().RemoveRange(current.Where(u => !wanted.Contains(u.Code)));
        foreach (var code in wanted)
        {
            var unit = current.FirstOrDefault(u => u.Code == code);
            if (unit is null)
            {
                unit = new TerritoryUnit { CptsId = cpts.Id, Code = code };
                db.TerritoryUnits().Add(unit);
            }

            if (overridden.Contains(code) && unit.OverrideReason is null)
            {
                unit.OverrideReason = reason;
                unit.OverriddenBy = actor.Name;
                unit.OverriddenAt = clock.GetUtcNow();
            }
        }

        cpts.SetPerimeter(summary.Population, summary.Tier, summary.RuleSet, summary.Departements, summary.Regions);
        return Result<TerritorySummary>.Ok(summary);
    }

    /// <summary>Units the CPTS already holds, in code order.</summary>
    public async Task<IReadOnlyList<TerritoryUnit>> UnitsOfAsync(Guid cptsId, CancellationToken ct) =>
        await db.TerritoryUnits().EveryCpts().Where(u => u.CptsId == cptsId).OrderBy(u => u.Code).ToListAsync(ct);

    private sealed record Conflict(string Code, string UnitName, string OtherName);

    private async Task<List<Conflict>> ConflictsAsync(Guid cptsId, List<string> wanted, CancellationToken ct)
    {
        // A city and its arrondissements exclude each other across CPTS too (the population would count twice).
        var related = wanted.SelectMany(code => geo.ArrondissementsOf(code).Select(a => a.Code)
                .Concat(geo.Find(code)?.Parent is { } parent && geo.Find(code)!.Type == GeoUnitType.Arrondissement ? [parent] : []))
            .Concat(wanted).Distinct().ToList();
        var held = await db.TerritoryUnits().EveryCpts().Where(u => u.CptsId != cptsId && related.Contains(u.Code))
            .Join(db.Cpts(), u => u.CptsId, c => c.Id, (u, c) => new { u.Code, c.Name })
            .ToListAsync(ct);
        return [.. held.Select(h => new Conflict(h.Code, geo.Find(h.Code)?.Name ?? h.Code, h.Name)).OrderBy(c => c.Code, StringComparer.Ordinal)];
    }
}
