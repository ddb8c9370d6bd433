using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Membership;

/// <summary>A college as entered: its name, who sits in it (optional) and its display position (kept when null).</summary>
public sealed record CollegeInput(string? Name, string? Description = null, int? Position = null);

/// <summary>A college of a CPTS and how many adhérents (any status) sit in it.</summary>
public sealed record CollegeRow(Guid Id, string Name, string? Description, int Position, int Members);

/// <summary>The colleges of a CPTS in display order, and whether the reader may manage them.</summary>
public sealed record CollegeList(Guid CptsId, string CptsName, bool CanManage, IReadOnlyList<CollegeRow> Colleges);

/// <summary>
/// The rules of colleges: a name of 1 to 100 characters, unique in the CPTS whatever its case; once a CPTS has defined one, a member's
/// college must name one of them (matched without regard to case, stored as the list spells it).
/// </summary>
public static class CollegeRules
{
    public const int MaxName = 100;

    public const int MaxDescription = 500;

    /// <summary>The college of <paramref name="colleges"/> that <paramref name="name"/> designates (case ignored), or null.</summary>
    public static string? Match(IEnumerable<string> colleges, string? name)
    {
        ArgumentNullException.ThrowIfNull(colleges);
        var text = name?.Trim();
        return string.IsNullOrEmpty(text) ? null : colleges.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The mistakes of a college's name, description and position, in French.</summary>
    public static List<Error> Check(CollegeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Error>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new Error("name_required", "Indiquez le nom du collège.", "name"));
        }
        else if (name.Length > MaxName)
        {
            errors.Add(new Error("name_too_long", $"Le nom du collège tient en {MaxName} caractères.", "name"));
        }

        if (input.Description?.Trim().Length > MaxDescription)
        {
            errors.Add(new Error("description_too_long", $"La description tient en {MaxDescription} caractères.", "description"));
        }

        if (input.Position is < 0 or > 1000)
        {
            errors.Add(new Error("invalid_position", "La position va de 0 à 1 000.", "position"));
        }

        return errors;
    }

    /// <summary>
    /// The college a member may be given in this CPTS: none for a blank name; the listed name once the CPTS has colleges (an unknown one
    /// is refused on the field <c>college</c>); the name as written otherwise.
    /// </summary>
    public static async Task<Result<string?>> ResolveAsync(MaillageDbContext db, Guid cptsId, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Result<string?>.Ok(null);
        }

        if (text.Length > MaxName)
        {
            return new Error("college_too_long", $"Le collège tient en {MaxName} caractères.", "college");
        }

        var colleges = await db.Colleges().Where(c => c.CptsId == cptsId).OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
        if (colleges.Count == 0)
        {
            return Result<string?>.Ok(text);
        }

        return Match(colleges, text) is { } college
            ? Result<string?>.Ok(college)
            : new Error("unknown_college", $"Le collège « {text} » n'existe pas dans cette CPTS ; collèges : {string.Join(", ", colleges)}.", "college");
    }

    /// <summary>« 3 adhérents » sit in a college.</summary>
    public static string Seated(int members) => French.Count(members, "adhérent", "adhérents");
}

/// <summary>Resolves the CPTS of a membership request: not found outside the actor's tenancy, forbidden to those who may not read (or manage) its members.</summary>
public static class MembershipScope
{
    public static Task<Result<Tenant>> ResolveAsync(Tenancy tenancy, Guid cptsId, Actor actor, bool manage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenancy);
        return tenancy.RequireAsync(cptsId, actor, manage ? MembershipAccess.ManagesMembers : MembershipAccess.ReadsMembers, ct);
    }
}

/// <summary>The colleges of a CPTS with their head counts: its managers and its members read them.</summary>
public sealed class ReadColleges(MaillageDbContext db, Tenancy tenancy)
{
    public async Task<Result<CollegeList>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: false, ct);
        if (!scope.Succeeded)
        {
            return Result<CollegeList>.Fail(scope.Errors);
        }

        var colleges = await db.Colleges().AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        var counts = await db.Members().Where(m => m.College != null).GroupBy(m => m.College!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var cpts = scope.Value!;
        return Result<CollegeList>.Ok(new CollegeList(cpts.Id, cpts.Name, cpts.ManagesMembers(),
            [.. colleges.Select(c => new CollegeRow(c.Id, c.Name, c.Description, c.Position, counts.GetValueOrDefault(c.Name)))]));
    }
}

/// <summary>Adds a college to the CPTS's list (at the end unless a position is given): the coordinator or an admin.</summary>
public sealed class AddCollege(MaillageDbContext db, Tenancy tenancy, AuditTrail audit)
{
    public async Task<Result<College>> RunAsync(Guid cptsId, CollegeInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: true, ct);
        if (!scope.Succeeded)
        {
            return Result<College>.Fail(scope.Errors);
        }

        var errors = CollegeRules.Check(input);
        if (errors.Count > 0)
        {
            return Result<College>.Fail(errors);
        }

        var name = input.Name!.Trim();
        var existing = await db.Colleges().Select(c => new { c.Name, c.Position }).ToListAsync(ct);
        if (CollegeRules.Match(existing.Select(c => c.Name), name) is { } taken)
        {
            return Taken(taken);
        }

        var college = new College
        {
            Id = Guid.NewGuid(), CptsId = cptsId, Name = name, Description = Blank(input.Description),
            Position = input.Position ?? (existing.Count == 0 ? 0 : existing.Max(c => c.Position) + 1),
        };
        db.Colleges().Add(college);
        audit.Record(actor, cptsId, "college.added", $"Collège {college.Id} « {name} » ajouté.");
        return await db.SaveAsync(college, ct, taken: Taken(name));
    }

    internal static Error Taken(string name) => new("college_exists", $"Le collège « {name} » existe déjà dans cette CPTS.", "name", ErrorKind.Conflict);

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Renames a college (and with it every member who sits in it, in the same transaction), or changes its description or position:
/// the coordinator or an admin.
/// </summary>
public sealed class UpdateCollege(MaillageDbContext db, Tenancy tenancy, AuditTrail audit)
{
    public async Task<Result<College>> RunAsync(Guid cptsId, Guid collegeId, CollegeInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: true, ct);
        if (!scope.Succeeded)
        {
            return Result<College>.Fail(scope.Errors);
        }

        var college = await db.Colleges().FirstOrDefaultAsync(c => c.Id == collegeId, ct);
        if (college is null)
        {
            return Error.NotFound("Collège");
        }

        var errors = CollegeRules.Check(input);
        if (errors.Count > 0)
        {
            return Result<College>.Fail(errors);
        }

        var (old, name) = (college.Name, input.Name!.Trim());
        var others = await db.Colleges().Where(c => c.Id != collegeId).Select(c => c.Name).ToListAsync(ct);
        if (CollegeRules.Match(others, name) is { } taken)
        {
            return AddCollege.Taken(taken);
        }

        var moved = 0;
        if (!string.Equals(old, name, StringComparison.Ordinal))
        {
            var members = await db.Members().Where(m => m.College == old).ToListAsync(ct);
            members.ForEach(m => m.College = name);
            moved = members.Count;
            audit.Record(actor, cptsId, "college.renamed", $"Collège {college.Id} : « {old} » → « {name} » ({CollegeRules.Seated(moved)} suivent).");
        }

        (college.Name, college.Description, college.Position) = (name, AddCollege.Blank(input.Description), input.Position ?? college.Position);
        if (moved == 0 && string.Equals(old, name, StringComparison.Ordinal))
        {
            audit.Record(actor, cptsId, "college.updated", $"Collège {college.Id} « {name} » : description ou position modifiée.");
        }

        return await db.SaveAsync(college, ct, taken: AddCollege.Taken(name));
    }
}

/// <summary>Removes a college nobody sits in any more (members of any status count): the coordinator or an admin.</summary>
public sealed class RemoveCollege(MaillageDbContext db, Tenancy tenancy, AuditTrail audit)
{
    public async Task<Result<College>> RunAsync(Guid cptsId, Guid collegeId, Actor actor, CancellationToken ct = default)
    {
        var scope = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: true, ct);
        if (!scope.Succeeded)
        {
            return Result<College>.Fail(scope.Errors);
        }

        var college = await db.Colleges().FirstOrDefaultAsync(c => c.Id == collegeId, ct);
        if (college is null)
        {
            return Error.NotFound("Collège");
        }

        var seated = await db.Members().CountAsync(m => m.College == college.Name, ct);
        if (seated > 0)
        {
            return new Error("college_not_empty",
                $"Le collège « {college.Name} » compte encore {CollegeRules.Seated(seated)} (prospects et anciens compris) : changez-les de collège avant de le supprimer.",
                null, ErrorKind.Conflict);
        }

        db.Colleges().Remove(college);
        audit.Record(actor, cptsId, "college.removed", $"Collège {college.Id} « {college.Name} » supprimé.");
        await db.SaveChangesAsync(ct);
        return Result<College>.Ok(college);
    }
}

/// <summary>A member's new college (blank: none) and the member's version the user saw, when known.</summary>
public sealed record MemberCollegeInput(string? College, int? Version = null);

/// <summary>Moves a member to another college of the CPTS's list (or out of any): the coordinator or an admin.</summary>
public sealed class ChangeMemberCollege(MaillageDbContext db, Tenancy tenancy, AuditTrail audit)
{
    public async Task<Result<Member>> RunAsync(Guid cptsId, Guid memberId, MemberCollegeInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await MemberLookup.ManagedAsync(db, tenancy, cptsId, memberId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Member>.Fail(found.Errors);
        }

        var member = found.Value!.Member;
        var college = await CollegeRules.ResolveAsync(db, cptsId, input.College, ct);
        if (!college.Succeeded)
        {
            return Result<Member>.Fail(college.Errors);
        }

        if (input.Version is { } version)
        {
            db.Entry(member).Property(m => m.Version).OriginalValue = version;
        }

        var previous = member.College;
        member.College = college.Value;
        db.Entry(member).State = EntityState.Modified;
        audit.Record(actor, cptsId, "member.college", $"Adhérent {member.Id} : collège « {previous ?? "—"} » → « {college.Value ?? "—"} ».");
        return await db.SaveAsync(member, ct);
    }
}
