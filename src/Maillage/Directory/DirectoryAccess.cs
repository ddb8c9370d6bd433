using Maillage.Lifecycle.Published;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;

namespace Maillage.Directory;

/// <summary>What an actor may do with the directory of one CPTS, decided once by <see cref="DirectoryAccess"/>.</summary>
/// <param name="Contacts">Sees work e-mails and phones of the professionals who agreed to publish them.</param>
/// <param name="UnpublishedContacts">Also sees the contacts of those who did not (on screen only: exports never carry them).</param>
/// <param name="Import">May load a directory file into this CPTS.</param>
public sealed record DirectoryRights(bool Contacts, bool UnpublishedContacts, bool Import)
{
    /// <summary>Whether this actor sees the work contacts of a professional on screen.</summary>
    public bool SeesContactsOf(bool publishContacts) => UnpublishedContacts || (Contacts && publishContacts);

    /// <summary>Whether an export made by this actor carries the work contacts of a professional: only with their consent.</summary>
    public bool ExportsContactsOf(bool publishContacts) => Contacts && publishContacts;
}

/// <summary>
/// Who sees what in the directory: the one place where it is decided, for pages, API and CLI. Names, professions, places of practice and
/// MSSanté addresses are public data of the Annuaire Santé; work e-mails and phones are personal data. Whoever cannot read the CPTS
/// (<see cref="Tenancy"/>) does not see its directory at all.
/// </summary>
public static class DirectoryAccess
{
    /// <summary>
    /// An admin and the CPTS's coordinator see every contact (they manage the directory); members of the CPTS see the contacts that were
    /// published; ARS and CPAM officers see the directory and its counts, never work contacts.
    /// </summary>
    public static DirectoryRights DirectoryRights(this Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Manages ? new DirectoryRights(Contacts: true, UnpublishedContacts: true, Import: true)
            : tenant.IsMemberAccount ? new DirectoryRights(Contacts: true, UnpublishedContacts: false, Import: false)
            : new DirectoryRights(Contacts: false, UnpublishedContacts: false, Import: false);
    }

    /// <summary>Who may filter the directory by standing with the CPTS: those who may read its members (its managers and members).</summary>
    public static bool SeesMembers(this Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Manages || tenant.IsMemberAccount;
    }

    /// <summary>A national import (no CPTS) touches every territory: administrators only.</summary>
    public static bool CanImportNationally(this Actor actor) => actor.Role == Role.Admin;
}
