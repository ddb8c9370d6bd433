using Maillage.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Accounts;

namespace Maillage.Cli.Accounts;

/// <summary><c>maillage users add</c>: opens an account with its role and scope.</summary>
internal sealed class UsersAdd : Command
{
    public override string Name => "users add";

    public override string Synopsis => "--email <e> --password <p> --role admin|officer|coordinator|member [--name <nom>] [--region <code>|--departement <code>|--cpts <id|nom> [--member <rpps>]]";

    public override string Summary => "Crée un compte : administrateur, référent ARS/CPAM (région ou département), coordonnateur ou membre d'une CPTS.";

    public override IReadOnlyList<string> Details =>
    [
        "Mot de passe : 12 caractères au moins, avec majuscule, minuscule, chiffre et caractère spécial.",
        "--name : le nom affiché (par défaut, le libellé du rôle).",
        "--member : le RPPS d'un adhérent de la CPTS ; le compte déclare alors son temps, propose des actions et exerce ses mandats.",
        "JSON : {\"id\", \"email\", \"role\", \"region\", \"departement\", \"cptsId\", \"memberId\"}. Sort en 1 si le compte est refusé.",
    ];

    public override IReadOnlyList<string> Options => ["--email", "--password", "--role", "--name", "--region", "--departement", "--cpts", "--member"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var input = new AccountInput(args.Required("--email"), args.Required("--password"), args.Required("--role"),
            args.Value("--region"), args.Value("--departement"), args.Value("--cpts"), args.Value("--member"), args.Value("--name"));
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(input, ct);
        if (!result.Succeeded)
        {
            return context.Fail("Compte refusé : " + string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var u = result.Value!;
        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(u.Id, u.Email!, input.Role!.ToLowerInvariant(), u.ScopeRegion, u.ScopeDepartement, u.CptsId, u.MemberId), ct);
        }
        else
        {
            await context.Out.WriteLineAsync($"Compte créé : {u.Email} — {u.Role.French()}.");
        }

        return CliApp.Success;
    }

    private sealed record Report(string Id, string Email, string Role, string? Region, string? Departement, Guid? CptsId, Guid? MemberId);
}
