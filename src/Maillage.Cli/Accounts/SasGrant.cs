using Maillage.Accounts;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.Accounts;

/// <summary><c>maillage sas grant|revoke &lt;email&gt;</c>: marks an account as the SAS platform's (or takes the mark away), so that its bearer
/// token reads the SAS interface <c>/fhir</c> (<see cref="SasPlatformAccount"/>).</summary>
internal sealed class SasGrant(bool granted) : Command
{
    public override string Name => granted ? "sas grant" : "sas revoke";

    public override string Synopsis => "<email>";

    public override string Summary => granted
        ? "Marque un compte comme celui de la plateforme SAS : son jeton lit l'interface FHIR /fhir."
        : "Retire à un compte la marque de la plateforme SAS.";

    public override IReadOnlyList<string> Details =>
    [
        granted
            ? "Le compte doit exister et être un compte « membre » rattaché à aucune CPTS (users add --role member). Rien n'est créé."
            : "Le compte doit exister. Ses jetons restent valides mais ne lisent plus /fhir.",
        "Sans effet (et sans trace au journal) si le compte est déjà dans l'état demandé.",
        "JSON : {\"id\", \"email\", \"sas\": true|false, \"changed\": true|false}. Sort en 1 si le compte est inconnu ou refusé.",
    ];

    public override int MinPositionals => 1;

    public override int MaxPositionals => 1;

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var email = args.Positionals[0].Trim();
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<ReadAccounts>().FindAsync(email, ct);
        if (account is null || !account.Email.Equals(email, StringComparison.OrdinalIgnoreCase))
        {
            return context.Fail($"Aucun compte pour l'adresse {email}.");
        }

        var result = await scope.ServiceProvider.GetRequiredService<SasPlatformAccount>().SetAsync(Actor.System, account.Id, granted, ct);
        if (!result.Succeeded)
        {
            return context.Fail((granted ? "Marque refusée : " : "Retrait refusé : ") + string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(account.Id, account.Email, granted, result.Value), ct);
        }
        else
        {
            await context.Out.WriteLineAsync((result.Value, granted) switch
            {
                (true, true) => $"Compte marqué pour la plateforme SAS : {account.Email}.",
                (true, false) => $"Marque de la plateforme SAS retirée : {account.Email}.",
                (false, true) => $"{account.Email} était déjà le compte de la plateforme SAS.",
                _ => $"{account.Email} n'était pas marqué pour la plateforme SAS.",
            });
        }

        return CliApp.Success;
    }

    private sealed record Report(string Id, string Email, bool Sas, bool Changed);
}
