using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Directory;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;
using Maillage.Membership.Published;

namespace Maillage.Membership;

/// <summary>A new member: a professional (by id or RPPS) or a structure, never both; status prospect or member from a date (today by default).</summary>
public sealed record AddMemberInput(Guid? ProfessionalId = null, string? Rpps = null, Guid? StructureId = null, string? College = null,
    string? Status = null, DateOnly? Since = null);

/// <summary>
/// Makes a professional or a structure of the territory an adhérent of the CPTS (domain-rules §5): the coordinator or an admin;
/// the professional must practise, the structure lie, in the CPTS's territory; once per CPTS; the college, once the CPTS has a list of
/// colleges, must be one of them (<see cref="CollegeRules"/>).
/// </summary>
public sealed class AddMember(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, DirectoryLookup directory, AuditTrail audit)
{
    public const int MaxCollege = CollegeRules.MaxName;

    public async Task<Result<Member>> RunAsync(Guid cptsId, AddMemberInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: true, ct);
        if (!scope.Succeeded)
        {
            return Result<Member>.Fail(scope.Errors);
        }

        var cpts = scope.Value!;
        var communes = await territories.CommunesAsync(cpts.Id, ct);
        var today = cpts.Today;
        var errors = Check(input, today, out var status);
        var college = await CollegeRules.ResolveAsync(db, cpts.Id, input.College, ct);
        errors.AddRange(college.Errors);
        if (errors.Count > 0)
        {
            return Result<Member>.Fail(errors);
        }

        var found = input.StructureId is { } structureId ? await StructureAsync(structureId, communes, ct) : await ProfessionalAsync(input, communes, ct);
        if (!found.Succeeded)
        {
            return Result<Member>.Fail(found.Errors);
        }

        Guid? professionalId = input.StructureId is null ? found.Value : null;
        Guid? structure = input.StructureId is null ? null : found.Value;
        if (await db.Members().AnyAsync(m => professionalId != null ? m.ProfessionalId == professionalId : m.StructureId == structure, ct))
        {
            return AlreadyMember();
        }

        var member = new Member
        {
            Id = Guid.NewGuid(), CptsId = cpts.Id, ProfessionalId = professionalId, StructureId = structure,
            College = college.Value, CreatedAt = cpts.Clock.UtcNow,
        };
        var since = input.Since ?? today;
        member.ChangeStatus(status, since, today, actor.Name, null, member.CreatedAt);
        db.Members().Add(member);
        audit.Record(actor, cpts.Id, "member.added",
            $"Adhérent {member.Id} ({(professionalId is null ? "structure" : "professionnel")}) : « {status.French()} » depuis le {French.Date(since)}.");
        return await db.SaveAsync(member, ct, taken: AlreadyMember());
    }

    private static List<Error> Check(AddMemberInput input, DateOnly today, out MembershipStatus status)
    {
        var errors = new List<Error>();
        var person = input.ProfessionalId is not null || !string.IsNullOrWhiteSpace(input.Rpps);
        if (person == (input.StructureId is not null))
        {
            errors.Add(new Error("person_or_structure", "Indiquez soit un professionnel (RPPS), soit une structure, et pas les deux.", "rpps"));
        }

        status = MembershipStatus.Member;
        if (input.Status is not null)
        {
            var parsed = MembershipStatuses.Parse(input.Status);
            if (!parsed.Succeeded)
            {
                errors.AddRange(parsed.Errors);
            }
            else if (parsed.Value is not (MembershipStatus.Prospect or MembershipStatus.Member))
            {
                errors.Add(new Error("initial_status", "Un nouvel adhérent commence comme prospect ou adhérent.", "status"));
            }
            else
            {
                status = parsed.Value;
            }
        }

        if (input.Since is { } since && since > today)
        {
            errors.Add(new Error("date_in_future", $"La date du {French.Date(since)} est dans le futur.", "since"));
        }

        return errors;
    }

    private async Task<Result<Guid>> ProfessionalAsync(AddMemberInput input, IReadOnlyList<string> communes, CancellationToken ct)
    {
        var rpps = input.Rpps?.Trim().Replace(" ", "", StringComparison.Ordinal);
        var found = await directory.ProfessionalAsync(input.ProfessionalId, rpps, communes, ct);
        if (found is null)
        {
            return new Error("unknown_professional", rpps is { Length: > 0 }
                ? $"Aucun professionnel de l'annuaire n'a le RPPS {rpps}." : "Ce professionnel n'est pas dans l'annuaire.", "rpps");
        }

        return found.Value.InTerritory
            ? Result<Guid>.Ok(found.Value.Card.Id)
            : new Error("outside_territory", "Ce professionnel n'exerce dans aucune commune du territoire de la CPTS.", "rpps");
    }

    private async Task<Result<Guid>> StructureAsync(Guid id, IReadOnlyList<string> communes, CancellationToken ct)
    {
        var found = (await directory.StructuresAsync([id], ct)).GetValueOrDefault(id);
        if (found is null)
        {
            return new Error("unknown_structure", "Cette structure n'est pas dans l'annuaire.", "structureId");
        }

        return communes.Contains(found.CommuneCode)
            ? Result<Guid>.Ok(found.Id)
            : new Error("outside_territory", "Cette structure n'est pas située sur le territoire de la CPTS.", "structureId");
    }

    private static Error AlreadyMember() => new("already_member", "Déjà adhérent (ou prospect) de cette CPTS.", null, ErrorKind.Conflict);
}
