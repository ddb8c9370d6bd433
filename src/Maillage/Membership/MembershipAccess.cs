using Maillage.Lifecycle.Published;

namespace Maillage.Membership;

/// <summary>What an actor may do with the members of a CPTS: the one place where it is decided.</summary>
public static class MembershipAccess
{
    /// <summary>Adding members, changing statuses, recording dues, running campaigns: the CPTS's coordinator or an admin.</summary>
    public static bool ManagesMembers(this Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Manages;
    }

    /// <summary>The list of members (names, statuses, dues): the managers and the members of the CPTS, not the officers.</summary>
    public static bool ReadsMembers(this Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Manages || tenant.IsMemberAccount;
    }
}
