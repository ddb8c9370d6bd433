using Maillage.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Maillage.Platform.Identity;

namespace Maillage.Accounts;

/// <summary>An account to open: its role decides which scope it needs; without a display name it shows its role's label.</summary>
public sealed record AccountInput(string? Email, string? Password, string? Role, string? Region = null, string? Departement = null, string? Cpts = null,
    string? MemberRpps = null, string? DisplayName = null);

/// <summary>
/// Opens an account with its role and scope (<see cref="AccountScopes"/>): an officer is scoped to exactly one région or département,
/// a coordinator or member to one existing CPTS (by id or exact name), an administrator to nothing. A member or coordinator account may
/// speak for an adhérent of its CPTS (by the RPPS of the professional), one account per adhérent: it then declares its own time,
/// proposes actions and holds the rights of its mandates.
/// </summary>
public sealed class CreateAccount(UserManager<MaillageUser> users, AccountScopes scopes)
{
    public async Task<Result<MaillageUser>> RunAsync(AccountInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.CheckAsync(input.Role, input.Region, input.Departement, input.Cpts, input.MemberRpps, null, ct);
        if (!scope.Succeeded)
        {
            return Result<MaillageUser>.Fail(scope.Errors);
        }

        var name = AccountScopes.DisplayName(input.DisplayName, scope.Value!.Role);
        if (!name.Succeeded)
        {
            return Result<MaillageUser>.Fail(name.Errors);
        }

        if (string.IsNullOrWhiteSpace(input.Email))
        {
            return new Error("email_required", "L'adresse e-mail est obligatoire.", "email");
        }

        var user = new MaillageUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), EmailConfirmed = true, DisplayName = name.Value! };
        scope.Value.ApplyTo(user);
        var result = await users.CreateAsync(user, input.Password ?? "");
        return result.Succeeded
            ? Result<MaillageUser>.Ok(user)
            : Result<MaillageUser>.Fail(result.Errors.Select(e => new Error(e.Code, e.Description,
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email",
                e.Code.StartsWith("Duplicate", StringComparison.Ordinal) ? ErrorKind.Conflict : ErrorKind.Validation)));
    }
}
