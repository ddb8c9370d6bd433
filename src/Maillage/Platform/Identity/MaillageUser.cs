using Microsoft.AspNetCore.Identity;

namespace Maillage.Platform.Identity;

/// <summary>An account: an ASP.NET Core Identity user with its role and scope.</summary>
public sealed class MaillageUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Role Role { get; set; }

    /// <summary>For coordinators and members: their CPTS.</summary>
    public Guid? CptsId { get; set; }

    /// <summary>For officers: the région they steer (INSEE code), or null when scoped to a département.</summary>
    public string? ScopeRegion { get; set; }

    /// <summary>For officers: the département they steer (INSEE code), or null when scoped to a région.</summary>
    public string? ScopeDepartement { get; set; }

    /// <summary>For members (and coordinators who are adhérents too): the adhérent of their CPTS this account speaks for — it declares
    /// its own time, proposes actions, and holds the rights of its current mandates (bureau, trésorier).</summary>
    public Guid? MemberId { get; set; }

    // Personal data: never print names or e-mails through a generated ToString.
    public override string ToString() => $"user {Id}";
}

/// <summary>A bearer token for the API; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
