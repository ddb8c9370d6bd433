using System.Net;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Accounts;

/// <summary>The « Comptes » page refuses a bad account in French: Identity's messages never reach the administrator in English.</summary>
public abstract class AccountsInFrench(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_email_that_is_not_one_is_refused_in_french_next_to_the_form()
    {
        var (status, html) = await PostAsync("pas-un-email", "Un-Mot-de-passe-2026!");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("L'adresse e-mail « pas-un-email » n'est pas valide (attendu : nom@domaine.fr).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is invalid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_every_reason_in_french()
    {
        var (status, html) = await PostAsync($"faible.{Guid.NewGuid().ToString("N")[..8]}@tests.maillage.example", "court");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Le mot de passe doit compter au moins 12 caractères.", html, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe doit contenir un chiffre.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must", html, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string email, string password)
    {
        var (status, html) = await (await App.AdminAsync()).PostFormAsync("/comptes", "/comptes", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.Role"] = "admin",
        });
        return (status, WebUtility.HtmlDecode(html));
    }
}

public sealed class AccountsInFrench_on_sqlite(SqliteApp app) : AccountsInFrench(app), IClassFixture<SqliteApp>;

public sealed class AccountsInFrench_on_postgres(PostgresApp app) : AccountsInFrench(app), IClassFixture<PostgresApp>;
