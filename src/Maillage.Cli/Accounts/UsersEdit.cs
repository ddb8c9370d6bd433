using Maillage.Accounts;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.Accounts;

/// <summary><c>maillage users edit</c>: changes an account's display name, role or scope; what is not given stays as it is.</summary>
internal sealed class UsersEdit : Command
{
    public override string Name => "users edit";

    public override string Synopsis =>
        "--email <e> [--name <nom>] [--role admin|officer|coordinator|member] [--region <code>|--departement <code>|--cpts <id|nom>] [--member <rpps>]";

    public override string Summary => "Modifie un compte : nom affiché, rôle et périmètre, avec les règles de « users add ».";

    public override IReadOnlyList<string> Details =>
    [
        "Ce qui n'est pas donné reste tel quel. --region, --departement ou --cpts remplacent tout le périmètre ; un nouveau rôle garde",
        "l'ancien périmètre s'il lui convient (de membre à coordonnateur : la même CPTS), sinon il faut le donner.",
        "--member : le RPPS d'un adhérent de la CPTS ; --member '' délie le compte. Un nouveau périmètre délie l'adhérent, sauf --member.",
        "--name '' : le nom affiché redevient le libellé du rôle.",
        "JSON : {\"id\", \"email\", \"displayName\", \"role\", \"region\", \"departement\", \"cptsId\", \"memberId\"}. Sort en 1 si la modification est refusée.",
    ];

    public override IReadOnlyList<string> Options => ["--email", "--name", "--role", "--region", "--departement", "--cpts", "--member"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var email = args.Required("--email");
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<ReadAccounts>().FindAsync(email, ct);
        if (account is null)
        {
            return context.Fail($"Aucun compte pour l'adresse {email}.");
        }

        var result = await scope.ServiceProvider.GetRequiredService<EditAccount>().RunAsync(Actor.System, account.Id, Change(account.Current, args), ct);
        if (!result.Succeeded)
        {
            return context.Fail("Modification refusée : " + string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var u = result.Value!;
        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(u.Id, u.Email!, u.DisplayName, AccountScopes.IdOf(u.Role), u.ScopeRegion, u.ScopeDepartement, u.CptsId,
                u.MemberId), ct);
        }
        else
        {
            await context.Out.WriteLineAsync($"Compte modifié : {u.Email} — {u.Role.French()}.");
        }

        return CliApp.Success;
    }

    /// <summary>The account as asked: the options given over its current values, the scope kept only when the role still uses it.</summary>
    private static AccountChange Change(AccountChange current, CliArgs args)
    {
        var role = args.Value("--role") ?? current.Role;
        var name = args.Value("--name") ?? current.DisplayName;
        if (args.Value("--region") is not null || args.Value("--departement") is not null || args.Value("--cpts") is not null)
        {
            return current with
            {
                DisplayName = name, Role = role, Region = args.Value("--region"), Departement = args.Value("--departement"), Cpts = args.Value("--cpts"),
                MemberRpps = args.Value("--member"),
            };
        }

        var kept = AccountScopes.ParseRole(role, out var parsed) is null ? parsed : (Role?)null;
        return current with
        {
            DisplayName = name, Role = role,
            Region = kept == Role.Officer ? current.Region : null,
            Departement = kept == Role.Officer ? current.Departement : null,
            Cpts = kept is Role.Coordinator or Role.Member ? current.Cpts : null,
            MemberRpps = args.Value("--member") ?? (kept is Role.Coordinator or Role.Member ? current.MemberRpps : null),
        };
    }

    private sealed record Report(string Id, string Email, string DisplayName, string Role, string? Region, string? Departement, Guid? CptsId,
        Guid? MemberId);
}
