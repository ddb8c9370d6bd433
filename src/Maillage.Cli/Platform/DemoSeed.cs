using Maillage.Demo;
using Maillage.Platform.Identity;

namespace Maillage.Cli.Platform;

/// <summary><c>maillage demo seed</c>: what the run command does on an empty database.</summary>
internal sealed class DemoSeed : Command
{
    public override string Name => "demo seed";

    public override string Synopsis => "";

    public override string Summary => "Installe la démo (CPTS et comptes) sur une base vide ; ne touche pas une base qui a des données.";

    public override IReadOnlyList<string> Details =>
    [
        "JSON : {\"seeded\": bool, \"geographyUnitsLoaded\": n, \"password\": \"…\", \"accounts\": [{\"email\", \"role\", \"scope\"}]}.",
    ];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: true, ct);
        var seeded = database.Startup.DemoSeeded;
        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(
                seeded,
                database.Startup.GeographyUnitsLoaded,
                SeedDemo.Password,
                [.. SeedDemo.Accounts.Select(a => new Account(a.Email, a.Role.ToString().ToLowerInvariant(), a.Scope))]), ct);
            return CliApp.Success;
        }

        await context.Out.WriteLineAsync(seeded
            ? $"Démo installée dans {database.Setting.Describe()}."
            : $"La base {database.Setting.Describe()} contient déjà des CPTS ou des comptes : démo non installée.");
        if (seeded)
        {
            var table = Human.Table("Compte", "Rôle", "Périmètre");
            foreach (var (email, role, scope) in SeedDemo.Accounts)
            {
                table.Row(email, role.French(), scope);
            }

            context.Console.Write(table);
            await context.Out.WriteLineAsync($"Mot de passe de tous les comptes de démo : {SeedDemo.Password}");
        }

        return CliApp.Success;
    }

    private sealed record Report(bool Seeded, int GeographyUnitsLoaded, string Password, IReadOnlyList<Account> Accounts);

    private sealed record Account(string Email, string Role, string Scope);
}
