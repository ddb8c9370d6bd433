using System.Net;
using System.Text.RegularExpressions;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Maillage.IntegrationTests.Platform;

/// <summary>Logging is safe by construction: no e-mail address or password reaches a log sink, at any level.</summary>
public abstract partial class PersonalDataInLogs(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_sign_in_and_a_cpts_with_a_contact_email_leave_neither_email_nor_password_in_the_logs()
    {
        var sink = new LogSink();
        await using var factory = App.Factory.WithWebHostBuilder(b => b.ConfigureLogging(logging =>
        {
            logging.AddProvider(sink);
            logging.AddFilter<LogSink>(null, LogLevel.Trace);
        }));
        var password = "Mot-de-passe-" + Guid.NewGuid().ToString("N")[..12] + "!";
        var user = await App.CreateUserAsync(Role.Admin, password: password);
        var contact = $"contact.{Guid.NewGuid().ToString("N")[..8]}@cpts-des-marais.example";
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });

        var refused = await LogInAsync(browser, user.Email, password + "faux");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var signedIn = await LogInAsync(browser, user.Email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The session cookie now opens the API and the pages.
        var cpts = await (await browser.PostJsonAsync("/api/cpts",
            new { name = Http.Unique("CPTS des marais"), territory = App.Communes.Take("17", 2), contactEmail = contact, contactPhone = "02 99 71 00 00" }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await browser.PutJsonAsync($"/api/cpts/{cpts.Id()}",
            new { name = cpts.GetProperty("name").GetString(), contactEmail = "pas-une-adresse@", version = cpts.GetProperty("version").GetInt32() }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        using var page = await browser.GetAsync($"/cpts/{cpts.Id()}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(contact, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var logs = sink.Text;
        Assert.Contains(sink.Entries, e => e.Contains("Sign-in succeeded", StringComparison.Ordinal));
        Assert.Contains(sink.Entries, e => e.Contains("Sign-in failed", StringComparison.Ordinal));
        Assert.DoesNotContain(contact, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, logs, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string email, string password)
    {
        using var form = await browser.GetAsync("/connexion", Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "No antiforgery token on the login page");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        return await browser.PostAsync("/connexion", body, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class PersonalDataInLogs_on_sqlite(SqliteApp app) : PersonalDataInLogs(app), IClassFixture<SqliteApp>;

public sealed class PersonalDataInLogs_on_postgres(PostgresApp app) : PersonalDataInLogs(app), IClassFixture<PostgresApp>;
