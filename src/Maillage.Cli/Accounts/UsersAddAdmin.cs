using Microsoft.Extensions.DependencyInjection;
using Maillage.Accounts;

namespace Maillage.Cli.Accounts;

/// <summary><c>maillage users add-admin</c>: creates a platform administrator account.</summary>
internal sealed class UsersAddAdmin : Command
{
    public override string Name => "users add-admin";

    public override string Synopsis => "--email <e> --password <p>";

    public override string Summary => "Crée un compte administrateur de la plateforme.";

    public override IReadOnlyList<string> Details =>
    [
        "Mot de passe : 12 caractères au moins, avec majuscule, minuscule, chiffre et caractère spécial.",
        "JSON : {\"id\": \"…\", \"email\": \"…\", \"role\": \"admin\"}. Sort en 1 si le compte existe ou si le mot de passe est refusé.",
    ];

    public override IReadOnlyList<string> Options => ["--email", "--password"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var input = new AccountInput(args.Required("--email"), args.Required("--password"), "admin");
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(input, ct);
        if (!result.Succeeded)
        {
            return context.Fail("Compte refusé : " + string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(result.Value!.Id, result.Value.Email!, "admin"), ct);
        }
        else
        {
            await context.Out.WriteLineAsync($"Compte administrateur créé : {result.Value!.Email}.");
        }

        return CliApp.Success;
    }

    private sealed record Report(string Id, string Email, string Role);
}
