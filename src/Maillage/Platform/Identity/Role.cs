namespace Maillage.Platform.Identity;

/// <summary>What a user is on the platform; the scope (CPTS, région, département) lives on the user.</summary>
public enum Role
{
    /// <summary>Runs the platform: everything, everywhere.</summary>
    Admin,

    /// <summary>ARS or CPAM officer: reads every CPTS of a région or département, records overrides and stages.</summary>
    Officer,

    /// <summary>Coordinator of one CPTS: manages it.</summary>
    Coordinator,

    /// <summary>Member of one CPTS: reads it.</summary>
    Member,
}

/// <summary>French labels of the roles, as the interface shows them.</summary>
public static class RoleLabels
{
    public static string French(this Role role) => role switch
    {
        Role.Admin => "Administrateur de la plateforme",
        Role.Officer => "Référent ARS / CPAM",
        Role.Coordinator => "Coordonnateur de CPTS",
        Role.Member => "Membre de CPTS",
        _ => role.ToString(),
    };
}
