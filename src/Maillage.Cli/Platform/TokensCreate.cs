using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.Platform;

/// <summary><c>maillage tokens create</c>: a bearer token for the API, shown once.</summary>
internal sealed class TokensCreate : Command
{
    public override string Name => "tokens create";

    public override string Synopsis => "--email <e> --name <n>";

    public override string Summary => "Crée un jeton d'accès à l'API pour un compte et l'affiche (une seule fois).";

    public override IReadOnlyList<string> Details =>
    [
        "JSON : {\"token\": \"mlg_…\", \"email\": \"…\", \"name\": \"…\"}. Sort en 1 si aucun compte n'a cet e-mail.",
    ];

    public override IReadOnlyList<string> Options => ["--email", "--name"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var email = args.Required("--email").Trim();
        var name = args.Required("--name").Trim();
        if (name.Length > 100)
        {
            throw new CliUsageException("--name : 100 caractères au plus.");
        }

        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return context.Fail($"Aucun compte n'a l'adresse {email}.");
        }

        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, name, ct);
        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(token, user.Email ?? email, name), ct);
            return CliApp.Success;
        }

        await context.Error.WriteLineAsync($"Jeton « {name} » créé pour {user.Email} ; copiez-le maintenant, il ne sera plus affiché :");
        await context.Out.WriteLineAsync(token);
        return CliApp.Success;
    }

    private sealed record Report(string Token, string Email, string Name);
}
