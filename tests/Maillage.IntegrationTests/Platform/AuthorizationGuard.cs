using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Guard = Maillage.Web.Platform.AuthorizationGuard;

namespace Maillage.IntegrationTests.Platform;

/// <summary>Every endpoint states who may call it; the OpenAPI document describes the API to signed-in callers.</summary>
public abstract class AuthorizationGuard(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public void Every_endpoint_of_the_host_carries_an_authorisation_policy_or_an_explicit_anonymous_marker()
    {
        var sources = App.Factory.Services.GetServices<EndpointDataSource>().ToList();
        Assert.NotEmpty(sources.SelectMany(s => s.Endpoints));
        Assert.Empty(Guard.Unprotected(sources));
    }

    [Fact]
    public void Only_the_health_check_the_account_pages_the_unsubscribe_link_and_the_treating_doctor_public_form_and_answer_link_are_anonymous()
    {
        var anonymous = Routes.Of(App.Factory.Services).Where(r => r.AllowsAnonymous).Select(r => r.Pattern).ToList();
        Assert.Contains("/health", anonymous);
        Assert.All(anonymous, pattern => Assert.True(
            pattern == "/health" || pattern is "/connexion" or "/deconnexion" or "/acces-refuse" or "/desinscription" or "/mot-de-passe-oublie" or "/nouveau-mot-de-passe"
                // The patient's own request (no account) and the doctor's mailed answer link (its secret is the proof): docs/treating-doctor.md.
                or "/medecin-traitant/{cptsId:guid}" or "/medecin-traitant/reponse/{proposalId:guid}",
            $"{pattern} is open to anonymous callers"));
    }

    [Fact]
    public async Task The_openapi_document_is_served_to_a_bearer_token_and_lists_the_cpts_routes()
    {
        var admin = await App.AdminAsync();
        var document = await admin.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cpts", out var cpts) || paths.TryGetProperty("/api/cpts/", out cpts));
        Assert.True(cpts.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/cpts/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/coverage", out _) || paths.TryGetProperty("/api/coverage/", out _));
    }

    [Fact]
    public async Task The_openapi_document_is_refused_without_credentials()
    {
        using var client = App.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class AuthorizationGuard_on_sqlite(SqliteApp app) : AuthorizationGuard(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationGuard_on_postgres(PostgresApp app) : AuthorizationGuard(app), IClassFixture<PostgresApp>;
