extern alias cli;

using System.Net;
using System.Text.RegularExpressions;
using cli::Maillage.Cli;
using Maillage.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Maillage.IntegrationTests.Cli;

/// <summary>
/// The command line and the web host given only the same <c>Maillage__DataDirectory</c> (no <c>Maillage__Database</c>) use the same
/// database: an account made with <c>maillage users add</c> signs in on the web; the keys and the mail land in that directory too.
/// </summary>
public sealed partial class SharedDataDirectory : IAsyncDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "maillage-it-data-" + Guid.NewGuid().ToString("N")[..12]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_account_made_by_the_cli_signs_in_on_the_web_host_when_both_are_given_only_the_data_directory()
    {
        var email = $"referente.{Guid.NewGuid().ToString("N")[..8]}@ars.example";
        const string password = "Donnees-Partagees-2026!";
        var run = await MaillageCommand.RunWithAsync(
            new Dictionary<string, string?> { [CliApp.DatabaseVariable] = null, [CliApp.DataDirectoryVariable] = data },
            "users", "add", "--email", email, "--password", password, "--role", "officer", "--region", "52", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(data, "maillage.db")), $"No database in {data}");

        await using var host = new HostOnDataDirectory(data);
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = await browser.GetAsync("/connexion", Ct);
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        using var signIn = await browser.PostAsync("/connexion", body, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await browser.GetJsonAsync("/api/cpts");
        Assert.NotEmpty(System.IO.Directory.EnumerateFiles(Path.Combine(data, "keys"), "*.xml"));
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held for a moment; the system cleans its temporary folder.
        }

        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The web host with the data directory as its only location setting: database, keys and mail are left blank (defaults).</summary>
    private sealed class HostOnDataDirectory(string data) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Maillage:DataDirectory", data);
            builder.UseSetting("Maillage:Database", "");
            builder.UseSetting("Maillage:Keys", "");
            builder.UseSetting("Maillage:Mail", "");
            builder.UseSetting("Maillage:Demo", "false");
            builder.UseEnvironment("Production");
        }
    }
}
