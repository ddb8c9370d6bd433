using System.Net;
using Maillage.Accounts;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Platform;

/// <summary>Who gets in without credentials: the health check only; the API answers 401, the pages send to the login page.</summary>
public abstract class Authentication(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Health_answers_anonymous_callers_with_the_geography_vintage()
    {
        using var client = App.Anonymous();
        var health = await client.GetJsonAsync("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("COG 2026", health.GetProperty("geography").GetString());
    }

    [Fact]
    public async Task Every_api_route_answers_401_without_credentials_never_a_redirect()
    {
        using var client = App.Anonymous();
        var routes = Routes.Of(App.Factory.Services).Where(r => r.IsApi && !r.AllowsAnonymous).ToList();
        Assert.Contains(routes, r => r.Pattern == "/api/cpts/" || r.Pattern == "/api/cpts");
        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), route.Url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {route.Url}: {(int)response.StatusCode}, expected 401");
                Assert.Null(response.Headers.Location);
            }
        }
    }

    [Fact]
    public async Task An_unknown_bearer_token_gets_401()
    {
        using var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "mlg_not-a-real-token");
        using var response = await client.GetAsync("/api/cpts", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A token's principal is kept a few seconds (BearerPrincipals), but never past a change of its account: disabled, its token
    /// fails at the very next request; enabled again, it works again; a claim granted applies at once.</summary>
    [Fact]
    public async Task A_tokens_kept_principal_never_outlives_a_change_of_its_account()
    {
        var user = await App.CreateUserAsync(Role.Member);
        using var client = App.ClientFor(user);
        var admin = new Actor("admin-" + Guid.NewGuid().ToString("N"), "Administrateur", Role.Admin, null, null, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/fhir/metadata", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cpts", Ct)).StatusCode);

        Assert.True((await UseAsync(s => s.GetRequiredService<SasPlatformAccount>().SetAsync(admin, user.Id, granted: true, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/metadata", Ct)).StatusCode);

        Assert.True((await UseAsync(s => s.GetRequiredService<AccountStatus>().SetDisabledAsync(admin, user.Id, disabled: true, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cpts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/fhir/metadata", Ct)).StatusCode);

        Assert.True((await UseAsync(s => s.GetRequiredService<AccountStatus>().SetDisabledAsync(admin, user.Id, disabled: false, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cpts", Ct)).StatusCode);
    }

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Every_page_without_a_session_cookie_redirects_to_the_login_page()
    {
        using var client = App.Anonymous();
        var pages = Routes.Of(App.Factory.Services).Where(r => !r.IsApi && !r.AllowsAnonymous && r.Methods.Contains("GET")).ToList();
        Assert.Contains(pages, p => p.Pattern == "/");
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page.Url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {page.Url}: {(int)response.StatusCode}, expected 302");
            var location = response.Headers.Location!;
            var absolute = location.IsAbsoluteUri ? location : new Uri(client.BaseAddress!, location);
            Assert.Equal("/connexion", absolute.AbsolutePath);
            Assert.Contains("ReturnUrl=", absolute.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_login_page_itself_is_open()
    {
        using var client = App.Anonymous();
        using var response = await client.GetAsync("/connexion", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Se connecter", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class Authentication_on_sqlite(SqliteApp app) : Authentication(app), IClassFixture<SqliteApp>;

public sealed class Authentication_on_postgres(PostgresApp app) : Authentication(app), IClassFixture<PostgresApp>;
