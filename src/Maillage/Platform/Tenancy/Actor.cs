using Maillage.Platform.Identity;

namespace Maillage.Platform.Tenancy;

/// <summary>Who is acting, resolved once per request or command: the only source of identity for use cases.</summary>
public sealed record Actor(string UserId, string Name, Role Role, Guid? CptsId, string? ScopeRegion, string? ScopeDepartement, Guid? MemberId = null)
{
    /// <summary>The platform itself (CLI, seeding): acts as an administrator.</summary>
    public static Actor System { get; } = new("system", "système", Role.Admin, null, null, null);

    public static Actor From(MaillageUser user) =>
        new(user.Id, user.Email ?? user.UserName ?? user.Id, user.Role, user.CptsId, user.ScopeRegion, user.ScopeDepartement, user.MemberId);

    public bool IsOfficer => Role == Role.Officer;

    /// <summary>Whether a territory with these départements and régions is inside an officer's scope.</summary>
    public bool Steers(IEnumerable<string> departements, IEnumerable<string> regions) =>
        (ScopeDepartement is not null && departements.Contains(ScopeDepartement))
        || (ScopeRegion is not null && regions.Contains(ScopeRegion));

    // The name is an e-mail address: keep it out of logs.
    public override string ToString() => $"{Role} {UserId}";
}
