using System.Net;
using System.Text.RegularExpressions;
using Maillage.Accounts;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Maillage.IntegrationTests.Accounts;

/// <summary>
/// The administrators' accounts page, posted as a browser would: région and département chosen by name, accounts disabled (no sign-in, no
/// API token) and re-enabled, a reset link sent by the administrator or asked for on « Mot de passe oublié », which sets a password that
/// then signs in; every step audited by account id, never by address.
/// </summary>
public abstract partial class AccountsPage(MaillageApp app) : IntegrationTest(app)
{
    private const string Disabled = "Ce compte est désactivé : adressez-vous à l'administrateur.";

    [Fact]
    public async Task Region_and_departement_are_chosen_by_name_and_the_code_is_posted()
    {
        var admin = await App.AdminAsync();
        var html = await admin.PageAsync("/comptes");
        Assert.Contains("<option value=\"53\">Bretagne (53)</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"35\">Ille-et-Vilaine (35)</option>", html, StringComparison.Ordinal);

        var email = $"ars.{Guid.NewGuid().ToString("N")[..8]}@tests.maillage.example";
        var (status, _) = await admin.PostFormAsync("/comptes", "/comptes", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.Password"] = "Mot-de-passe-123!", ["Input.Role"] = "officer", ["Input.Region"] = "53",
            ["Input.Departement"] = "", ["Input.Cpts"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var user = await FindAsync(email);
        Assert.Equal(("53", (string?)null), (user.ScopeRegion, user.ScopeDepartement));
        Assert.Contains("Région Bretagne (53)", await admin.PageAsync("/comptes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_and_its_actions_are_for_administrators_only()
    {
        var officer = await App.ClientForAsync(Role.Officer, region: "53");
        using var page = await officer.GetAsync("/comptes", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_nor_use_its_token_until_it_is_enabled_again()
    {
        var admin = await App.AdminAsync();
        var password = "Mot-de-passe-" + Guid.NewGuid().ToString("N")[..8] + "!";
        var user = await App.CreateUserAsync(Role.Officer, region: "53", password: password);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(user.Email, password)).Status);

        var (status, _) = await admin.PostFormAsync("/comptes", "/comptes?handler=Disable", Fields(("id", user.Id)));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("Désactivé", await admin.PageAsync("/comptes"), StringComparison.Ordinal);

        var refused = await SignInAsync(user.Email, password);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Disabled, WebUtility.HtmlDecode(refused.Html), StringComparison.Ordinal);
        using (var api = await App.ClientFor(user).GetAsync("/api/cpts", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        (status, _) = await admin.PostFormAsync("/comptes", "/comptes?handler=Enable", Fields(("id", user.Id)));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(user.Email, password)).Status);
        using (var api = await App.ClientFor(user).GetAsync("/api/cpts", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }

        var audit = await AuditAsync(user.Id);
        Assert.Contains("accounts.disabled", audit.Select(a => a.Action));
        Assert.Contains("accounts.enabled", audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.DoesNotContain(user.Email, a.Details, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_administrator_never_disables_their_own_account()
    {
        var password = "Mot-de-passe-" + Guid.NewGuid().ToString("N")[..8] + "!";
        var me = await App.CreateUserAsync(Role.Admin, password: password);
        var admin = App.ClientFor(me);
        Assert.DoesNotContain("handler=Disable\" method=\"post\" class=\"inline\"><input type=\"hidden\" name=\"id\" value=\"" + me.Id,
            await admin.PageAsync("/comptes"), StringComparison.Ordinal);
        var (status, html) = await admin.PostFormAsync("/comptes", "/comptes?handler=Disable", Fields(("id", me.Id)));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(me.Email, password)).Status);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_any_address_and_the_mailed_link_sets_a_password_that_signs_in()
    {
        var user = await App.CreateUserAsync(Role.Coordinator, password: "Ancien-mot-de-passe-1!");
        using var anonymous = App.Anonymous();
        Assert.Contains("/mot-de-passe-oublie", await anonymous.PageAsync("/connexion"), StringComparison.Ordinal);

        var (known, knownHtml) = await anonymous.PostFormAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", Fields(("Email", user.Email)));
        var (unknown, unknownHtml) = await anonymous.PostFormAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie",
            Fields(("Email", $"personne.{Guid.NewGuid().ToString("N")[..8]}@tests.maillage.example")));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known, unknown));
        Assert.Contains(PasswordReset.Answer, WebUtility.HtmlDecode(knownHtml), StringComparison.Ordinal);
        Assert.Equal(Strip(knownHtml), Strip(unknownHtml));

        var mail = Assert.Single(Mails(user.Email));
        var link = new Uri(LinkIn().Match(mail.TextBody ?? "").Value);
        Assert.Equal("/nouveau-mot-de-passe", link.AbsolutePath);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var fields = Fields(("Id", query["id"].ToString()), ("Token", query["token"].ToString()), ("Password", "Nouveau-mot-de-passe-2!"));

        var (tooShort, shortHtml) = await anonymous.PostFormAsync(link.PathAndQuery, "/nouveau-mot-de-passe",
            new Dictionary<string, string?>(fields) { ["Password"] = "court" });
        Assert.Equal((HttpStatusCode)422, tooShort);
        Assert.Contains("12 caractères", WebUtility.HtmlDecode(shortHtml), StringComparison.Ordinal);

        var (set, _) = await anonymous.PostFormAsync(link.PathAndQuery, "/nouveau-mot-de-passe", fields);
        Assert.Equal(HttpStatusCode.Redirect, set);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(user.Email, "Nouveau-mot-de-passe-2!")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(user.Email, "Ancien-mot-de-passe-1!")).Status);

        var (again, againHtml) = await anonymous.PostFormAsync(link.PathAndQuery, "/nouveau-mot-de-passe", fields);
        Assert.Equal((HttpStatusCode)422, again);
        Assert.Contains("Ce lien n'est plus valable", WebUtility.HtmlDecode(againHtml), StringComparison.Ordinal);

        var audit = await AuditAsync(user.Id);
        Assert.Contains("accounts.password_reset_requested", audit.Select(a => a.Action));
        Assert.Contains("accounts.password_reset", audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.DoesNotContain(user.Email, a.Details, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_administrator_sends_a_reset_link_and_a_disabled_account_gets_none()
    {
        var admin = await App.AdminAsync();
        var user = await App.CreateUserAsync(Role.Member);
        var (status, _) = await admin.PostFormAsync("/comptes", "/comptes?handler=SendReset", Fields(("id", user.Id)));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Single(Mails(user.Email));

        (status, _) = await admin.PostFormAsync("/comptes", "/comptes?handler=Disable", Fields(("id", user.Id)));
        Assert.Equal(HttpStatusCode.Redirect, status);
        using var anonymous = App.Anonymous();
        (status, _) = await anonymous.PostFormAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", Fields(("Email", user.Email)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(Mails(user.Email));
    }

    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    private async Task<(HttpStatusCode Status, string Html)> SignInAsync(string email, string password)
    {
        using var browser = App.Anonymous();
        return await browser.PostFormAsync("/connexion", "/connexion", Fields(("Email", email), ("Password", password)));
    }

    private async Task<MaillageUser> FindAsync(string email)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>().FindByEmailAsync(email))!;
    }

    private async Task<List<Maillage.Platform.Audit.AuditEntry>> AuditAsync(string userId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        return await db.AuditEntries.Where(a => a.Action.StartsWith("accounts.") && a.Details.Contains(userId)).AsNoTracking().ToListAsync(Ct);
    }

    private List<MimeMessage> Mails(string to) =>
        [.. App.Factory.Mails().Where(m => m.Subject == PasswordReset.Subject && m.To.Mailboxes.Single().Address == to)];

    // The page without its antiforgery token, which differs from one request to the next.
    private static string Strip(string html) => AntiforgeryValue().Replace(html, "");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkIn();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}

public sealed class AccountsPage_on_sqlite(SqliteApp app) : AccountsPage(app), IClassFixture<SqliteApp>;

public sealed class AccountsPage_on_postgres(PostgresApp app) : AccountsPage(app), IClassFixture<PostgresApp>;
