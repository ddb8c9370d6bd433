using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>A new working group or project: its name (unique in the CPTS), purpose and first day (today by default).</summary>
public sealed record WorkingGroupInput(string? Name, string? Purpose, DateOnly? CreatedOn = null);

/// <summary>Creates a working group or project of the CPTS (domain-rules §5); names are unique in a CPTS, case ignored. Those who run the association.</summary>
public sealed class CreateWorkingGroup(MaillageDbContext db, AuditTrail audit, AssociationAccess access)
{
    public const int MaxName = 200;
    public const int MaxPurpose = 2000;

    public async Task<Result<WorkingGroup>> RunAsync(Guid cptsId, WorkingGroupInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.RunAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<WorkingGroup>.Fail(scope.Errors);
        }

        var today = scope.Value!.Today;
        var name = input.Name?.Trim() ?? "";
        var purpose = string.IsNullOrWhiteSpace(input.Purpose) ? null : input.Purpose.Trim();
        var createdOn = input.CreatedOn ?? today;
        var errors = new List<Error>();
        if (name.Length is 0 or > MaxName)
        {
            errors.Add(new Error("invalid_name", $"Le nom du groupe de travail est obligatoire ({MaxName} caractères au plus).", "name"));
        }

        if (purpose?.Length > MaxPurpose)
        {
            errors.Add(new Error("purpose_too_long", $"L'objet tient en {MaxPurpose} caractères.", "purpose"));
        }

        if (createdOn > today)
        {
            errors.Add(new Error("date_in_future", $"La date du {French.Date(createdOn)} est dans le futur.", "createdOn"));
        }

        if (errors.Count > 0)
        {
            return Result<WorkingGroup>.Fail(errors);
        }

        var names = await db.WorkingGroups().Where(g => g.CptsId == cptsId).Select(g => g.Name).ToListAsync(ct);
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return Taken(name);
        }

        var group = new WorkingGroup { Id = Guid.NewGuid(), CptsId = cptsId, Name = name, Purpose = purpose, CreatedOn = createdOn };
        db.WorkingGroups().Add(group);
        audit.Record(actor, cptsId, "working-group.created", $"Groupe de travail {group.Id} créé le {French.Date(createdOn)}.");
        return await db.SaveAsync(group, ct, conflict: Taken(name));
    }

    private static Error Taken(string name) =>
        new("name_taken", $"La CPTS a déjà un groupe de travail « {name} » : choisissez un autre nom.", "name", ErrorKind.Conflict);
}
