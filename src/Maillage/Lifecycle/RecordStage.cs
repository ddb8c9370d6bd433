using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;

namespace Maillage.Lifecycle;

/// <summary>Records a dated change of stage (domain-rules §3); dissolving releases the territory.</summary>
public sealed class RecordStage(MaillageDbContext db, Tenancy tenancy, AuditTrail audit, CptsSaver saver)
{
    public async Task<Result<Cpts>> RunAsync(Guid id, string? stage, DateOnly? date, int? version, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(stage))
        {
            return new Error("stage_required", "Choisissez la nouvelle étape de la CPTS.", "stage");
        }

        var target = Stages.Parse(stage);
        if (target is null)
        {
            return new Error("unknown_stage",
                $"Étape « {stage} » inconnue : attendu {string.Join(", ", Stages.Ordered.Append(Stage.Dissolved).Select(s => s.Id()))}.", "stage");
        }

        var tenant = await tenancy.RequireAsync(id, actor, t => t.Shapes, ct);
        if (!tenant.Succeeded)
        {
            return Result<Cpts>.Fail(tenant.Errors);
        }

        var cpts = await db.Cpts().Include(c => c.Transitions).FirstAsync(c => c.Id == id, ct);
        saver.ExpectVersion(cpts, version);
        var clock = tenant.Value!.Clock;
        var today = clock.Today;
        var when = date ?? today;
        var from = cpts.Stage;
        if (cpts.MoveTo(target.Value, when, today, actor.Name, clock.UtcNow) is { } refused)
        {
            return refused;
        }

        db.Add(cpts.Transitions[^1]);
        if (target == Stage.Dissolved)
        {
            var units = await db.TerritoryUnits().ToListAsync(ct);
            cpts.DissolvedTerritory = string.Join(' ', units.Select(u => u.Code).Order(StringComparer.Ordinal));
            db.TerritoryUnits().RemoveRange(units);
        }

        audit.Record(actor, cpts.Id, "cpts.stage.recorded", $"Étape : « {from.French()} » → « {target.Value.French()} » au {French.Date(when)}.");
        return await saver.SaveAsync(cpts, ct) is { } error ? error : Result<Cpts>.Ok(cpts);
    }
}
