using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Web.Fhir;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Accounts;

/// <summary>
/// <c>maillage sas grant|revoke &lt;email&gt;</c>: the claim that opens <c>/fhir</c> to an account's token comes and goes, each change audited
/// once; an unknown address, an account with a CPTS and a missing address are refused in French; the account page's checkbox does the same.
/// </summary>
public abstract class SasGrantCommand(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Grant_opens_the_fhir_interface_to_the_accounts_token_and_revoke_closes_it()
    {
        var user = await App.CreateUserAsync(Role.Member);
        using var client = App.ClientFor(user);
        Assert.Equal(HttpStatusCode.Forbidden, await MetadataAsync(client));

        var granted = await MaillageCommand.RunAsync(App.Database.Setting, "sas", "grant", user.Email, "--json");
        Assert.True(granted.ExitCode == 0, granted.ToString());
        Assert.Equal((user.Id, true, true), (granted.Json.GetProperty("id").GetString(), granted.Json.GetProperty("sas").GetBoolean(),
            granted.Json.GetProperty("changed").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, await MetadataAsync(client));
        Assert.True(await HasClaimAsync(user.Id));

        var again = await MaillageCommand.RunAsync(App.Database.Setting, "sas", "grant", user.Email.ToUpperInvariant());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("était déjà le compte de la plateforme SAS", again.Stdout, StringComparison.Ordinal);

        var revoked = await MaillageCommand.RunAsync(App.Database.Setting, "sas", "revoke", user.Email);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains($"Marque de la plateforme SAS retirée : {user.Email}.", revoked.Stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, await MetadataAsync(client));
        Assert.False(await HasClaimAsync(user.Id));

        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var trail = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Details.EndsWith(user.Id)).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["accounts.sas.granted", "accounts.sas.revoked"], trail.Order());
    }

    [Fact]
    public async Task Unknown_addresses_accounts_of_a_cpts_and_missing_arguments_are_refused_in_french()
    {
        var unknown = await MaillageCommand.RunAsync(App.Database.Setting, "sas", "grant", "personne@tests.maillage.example");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Aucun compte pour l'adresse personne@tests.maillage.example.", unknown.Stderr, StringComparison.Ordinal);

        var coordinator = await App.CreateUserAsync(Role.Coordinator, Guid.NewGuid());
        var refused = await MaillageCommand.RunAsync(App.Database.Setting, "sas", "grant", coordinator.Email);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("doit être un compte « membre » rattaché à aucune CPTS", refused.Stderr, StringComparison.Ordinal);
        Assert.False(await HasClaimAsync(coordinator.Id));

        var missing = await MaillageCommand.RunAsync(App.Database.Setting, "sas", "revoke");
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task The_account_pages_checkbox_grants_and_revokes_the_mark_and_refuses_an_officer()
    {
        var user = await App.CreateUserAsync(Role.Member);
        var admin = await App.AdminAsync();
        var page = await admin.PageAsync($"/comptes/{user.Id}");
        Assert.Contains("Compte de la plateforme SAS", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"sas\"[^>]*checked", page);

        var (status, _) = await admin.PostFormAsync($"/comptes/{user.Id}", $"/comptes/{user.Id}?handler=Sas", new Dictionary<string, string?> { ["sas"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.True(await HasClaimAsync(user.Id));
        Assert.Matches("name=\"sas\"[^>]*checked", await admin.PageAsync($"/comptes/{user.Id}"));

        (status, _) = await admin.PostFormAsync($"/comptes/{user.Id}", $"/comptes/{user.Id}?handler=Sas", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.False(await HasClaimAsync(user.Id));

        var officer = await App.CreateUserAsync(Role.Officer, region: "52");
        var (refused, html) = await admin.PostFormAsync($"/comptes/{officer.Id}", $"/comptes/{officer.Id}?handler=Sas",
            new Dictionary<string, string?> { ["sas"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Contains("doit être un compte « membre » rattaché à aucune CPTS", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.False(await HasClaimAsync(officer.Id));
    }

    private static async Task<HttpStatusCode> MetadataAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/fhir/metadata", Ct);
        return response.StatusCode;
    }

    private async Task<bool> HasClaimAsync(string id)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        return (await users.GetClaimsAsync((await users.FindByIdAsync(id))!)).Any(c => c.Type == FhirWeb.SasClaim && c.Value == FhirWeb.SasClaimValue);
    }
}

public sealed class SasGrantCommand_on_sqlite(SqliteApp app) : SasGrantCommand(app), IClassFixture<SqliteApp>;

public sealed class SasGrantCommand_on_postgres(PostgresApp app) : SasGrantCommand(app), IClassFixture<PostgresApp>;
