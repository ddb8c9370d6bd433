using Maillage.Platform.Audit;
using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle;

/// <summary>Registers a CPTS at the pre-project stage with its identity and territory.</summary>
public sealed class CreateCpts(MaillageDbContext db, ComputeTerritory compute, AssignTerritory assign, AuditTrail audit, CptsSaver saver, Tenancy tenancy)
{
    /// <param name="since">Date of the pre-project stage; today when null.</param>
    public async Task<Result<Cpts>> RunAsync(CptsInput input, Actor actor, DateOnly? since = null, CancellationToken ct = default)
    {
        var errors = input.CheckIdentity().ToList();
        var territory = compute.Run(input.Territory ?? []);
        errors.AddRange(territory.Errors);
        if (errors.Count > 0)
        {
            return Result<Cpts>.Fail(errors);
        }

        if (!actor.CanCreate(territory.Departements, territory.Regions))
        {
            return Error.Forbidden() with { Message = "Vous ne pouvez enregistrer une CPTS que sur un territoire de votre ressort." };
        }

        var clock = tenancy.ClockOf(territory.Departements);
        var cpts = Cpts.Register(since ?? clock.Today, actor.Name, clock.UtcNow);
        input.ApplyIdentity(cpts);
        if (await db.Cpts().AnyAsync(c => c.Name == cpts.Name, ct))
        {
            return new Error("name_taken", $"Une CPTS s'appelle déjà « {cpts.Name} ».", "name", ErrorKind.Conflict);
        }

        db.Cpts().Add(cpts);
        var assigned = await assign.RunAsync(cpts, input.Territory!, input.OverrideReason, actor, ct);
        if (!assigned.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Cpts>.Fail(assigned.Errors);
        }

        audit.Record(actor, cpts.Id, "cpts.created",
            $"CPTS « {cpts.Name} » créée : {French.Count(assigned.Value!.Units.Count, "unité", "unités")}, {French.Number(cpts.Population)} habitants, taille {cpts.Tier}.");
        if (input.OverrideReason is not null && assigned.Value.Units.Count > 0)
        {
            audit.Record(actor, cpts.Id, "cpts.territory.override", $"Dérogation de chevauchement : {input.OverrideReason}");
        }

        return await saver.SaveAsync(cpts, ct) is { } error ? error : Result<Cpts>.Ok(cpts);
    }
}
