using Maillage.Membership.Published;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Accounts;

/// <summary>An account as its edit form opens: its address, whether it is disabled, and its current values as an <see cref="AccountChange"/>
/// (the role's id, the codes of its scope, the RPPS of the adhérent it speaks for, its concurrency stamp).</summary>
public sealed record AccountToEdit(string Id, string Email, bool Disabled, AccountChange Current);

/// <summary>The accounts of the platform, by e-mail, for its administrators.</summary>
public sealed class ReadAccounts(UserManager<MaillageUser> users, MemberRoll members)
{
    public async Task<IReadOnlyList<MaillageUser>> ListAsync(CancellationToken ct = default) =>
        await users.Users.OrderBy(u => u.Email).AsNoTracking().ToListAsync(ct);

    /// <summary>One account, by id or e-mail address, as <see cref="EditAccount"/> changes it; null when there is none.</summary>
    public async Task<AccountToEdit?> FindAsync(string? idOrEmail, CancellationToken ct = default)
    {
        var key = idOrEmail?.Trim() ?? "";
        if (key.Length == 0)
        {
            return null;
        }

        var email = users.NormalizeEmail(key);
        var user = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key || u.NormalizedEmail == email, ct);
        if (user is null)
        {
            return null;
        }

        var rpps = user is { CptsId: { } cpts, MemberId: { } member }
            ? (await members.ByIdsAsync(cpts, [member], ct)).GetValueOrDefault(member)?.Rpps : null;
        return new AccountToEdit(user.Id, user.Email ?? "", user.IsDisabled(), new AccountChange(user.DisplayName, AccountScopes.IdOf(user.Role),
            user.ScopeRegion, user.ScopeDepartement, user.CptsId?.ToString(), rpps, user.ConcurrencyStamp));
    }
}
