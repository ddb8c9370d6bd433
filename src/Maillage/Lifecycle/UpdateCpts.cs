using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle;

/// <summary>
/// Edits a CPTS: its identity (the coordinator) and/or its territory (the coordinator or an officer of the
/// territory), refusing a stale version.
/// </summary>
public sealed class UpdateCpts(MaillageDbContext db, Tenancy tenancy, AssignTerritory assign, AuditTrail audit, CptsSaver saver)
{
    public async Task<Result<Cpts>> RunAsync(Guid id, CptsInput input, Actor actor, CancellationToken ct = default)
    {
        var tenant = await tenancy.ResolveAsync(id, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<Cpts>.Fail(tenant.Errors);
        }

        var cpts = await db.Cpts().FirstAsync(c => c.Id == id, ct);

        if (cpts.Stage == Stage.Dissolved)
        {
            return new Error("dissolved", "Cette CPTS est dissoute : elle ne peut plus être modifiée.", null, ErrorKind.Conflict);
        }

        var identityChanged = input.Name is not null && input.IdentityDiffersFrom(cpts);
        if (identityChanged)
        {
            if (!tenant.Value!.Manages)
            {
                return Error.Forbidden();
            }

            var errors = input.CheckIdentity();
            if (errors.Count > 0)
            {
                return Result<Cpts>.Fail(errors);
            }
        }

        saver.ExpectVersion(cpts, input.Version);
        var changes = new List<string>();
        if (identityChanged)
        {
            changes.Add(DescribeIdentityChange(cpts, input));
            input.ApplyIdentity(cpts);
        }

        if (input.Territory is { } territory)
        {
            if (!tenant.Value!.Shapes)
            {
                return Error.Forbidden();
            }

            var before = (await assign.UnitsOfAsync(cpts.Id, ct)).Select(u => u.Code).ToHashSet();
            var assigned = await assign.RunAsync(cpts, territory, input.OverrideReason, actor, ct);
            if (!assigned.Succeeded)
            {
                return Result<Cpts>.Fail(assigned.Errors);
            }

            var after = assigned.Value!.Units.Select(u => u.Code).ToHashSet();
            if (!before.SetEquals(after))
            {
                audit.Record(actor, cpts.Id, "cpts.territory.updated",
                    $"Territoire : +{after.Except(before).Count()} / −{before.Except(after).Count()} unités ({string.Join(", ", after.Except(before).Take(10))}"
                    + $"{(before.Except(after).Any() ? " ; retirées : " + string.Join(", ", before.Except(after).Take(10)) : "")}), "
                    + $"{French.Number(cpts.Population)} habitants, taille {cpts.Tier}.");
                db.Entry(cpts).State = EntityState.Modified;
            }

            if (!string.IsNullOrWhiteSpace(input.OverrideReason))
            {
                audit.Record(actor, cpts.Id, "cpts.territory.override", $"Dérogation de chevauchement : {input.OverrideReason.Trim()}");
            }
        }

        if (changes.Count > 0)
        {
            audit.Record(actor, cpts.Id, "cpts.identity.updated", string.Join(" ; ", changes));
        }

        return await saver.SaveAsync(cpts, ct) is { } error ? error : Result<Cpts>.Ok(cpts);
    }

    private static string DescribeIdentityChange(Cpts c, CptsInput i)
    {
        var parts = new List<string>();
        void Compare(string label, string? before, string? after)
        {
            after = string.IsNullOrWhiteSpace(after) ? null : after.Trim();
            if (before != after)
            {
                parts.Add($"{label} : « {before ?? "—"} » → « {after ?? "—"} »");
            }
        }

        Compare("nom", c.Name, i.Name);
        Compare("RNA", c.Rna, i.Rna?.ToUpperInvariant());
        Compare("SIRET", c.Siret, i.Siret?.Replace(" ", "", StringComparison.Ordinal));
        Compare("FINESS", c.Finess, CptsInput.CleanFiness(i.Finess));
        Compare("e-mail de contact", c.ContactEmail, i.ContactEmail);
        Compare("téléphone", c.ContactPhone, i.ContactPhone);
        return string.Join(", ", parts);
    }
}
