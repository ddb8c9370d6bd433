using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Accounts;

/// <summary>The accounts of the platform, by e-mail, for its administrators.</summary>
public sealed class ReadAccounts(UserManager<MaillageUser> users)
{
    public async Task<IReadOnlyList<MaillageUser>> ListAsync(CancellationToken ct = default) =>
        await users.Users.OrderBy(u => u.Email).AsNoTracking().ToListAsync(ct);
}
