using Maillage.Demo;
using Maillage.Platform.Mail;
using Maillage.Platform.Identity;
using Maillage.Platform.PersonalData;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Maillage.Platform.Persistence;
using Maillage.Web.Fhir;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Maillage.Web.Platform;

/// <summary>Wires the host: database, identity, authentication, authorisation, pages, API and errors.</summary>
public static class WebPlatform
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Largest request body the API accepts (1 MiB): territories and forms are far smaller.</summary>
    public const long MaxRequestBody = 1024 * 1024;

    public static void AddMaillagePlatform(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (config["Maillage:Urls"] is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls);
        }
        else if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBody);
        // A location setting, or null when it is missing or blank (then the data directory's default applies).
        string? Setting(string key) => config[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

        // One default place for the database, the keys and the mail, shared with the command line (explicit settings win).
        var data = DataDirectory.Resolve(config[DataDirectory.ConfigurationKey]);
        builder.Services.AddSingleton(data);
        builder.Services.AddMaillageDomain(DatabaseSetting.Parse(config["Maillage:Database"], data)).AddDemo();
        // Appointments taken by SAS regulators go to the SAS platform (docs/sas.md): where, with which certificate, how patiently.
        builder.Services.AddSingleton(Maillage.Unscheduled.Sas.SasSetting.From(config));
        builder.Services.AddMail(MailSetting.Parse(Setting("Maillage:Mail") ?? "pickup:" + data.MailOutbox, config["Maillage:MailFrom"],
            builder.Environment.ContentRootPath));
        builder.Services.AddIdentity<MaillageUser, IdentityRole>(AccountRules.Apply)
            .AddMaillageStores()
            .AddClaimsPrincipalFactory<ActorClaimsFactory>()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.Cookie.Name = "maillage";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.SlidingExpiration = true;
            o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.ToString()
                .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerTokenHandler.SchemeName : null;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // A browser session carries the actor's role and scope in its cookie: rebuilt from the account every minute, so an account edited
        // or disabled by the admin loses what it lost within a minute, not at the next sign-in (one read of the account a minute a session).
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = AccountRules.SessionRefresh);
        builder.Services.AddSingleton<BearerPrincipals>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // After the addresses (it adds the HTTPS endpoint of the SAS's mutual TLS to them) and after authorisation (its refusals on /fhir
        // replace the default handler of refusals).
        builder.AddSasAccess();
        // Pages live in their module's folder (Funding/Contracts/Contract.cshtml), next to its endpoints: the root is the project.
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Platform/Account");
        }).AddMvcOptions(o => o.Filters.Add<Workspace.ShellFilter>());
        builder.Services.AddSingleton<Workspace.WorkspaceNavigation>();
        builder.Services.AddHttpContextAccessor();
        // Inside the shell's filter, so a form refused for a badly written date still shows the CPTS's shell.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<UnreadableDates>());
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.Remove("traceId");
            BadRequests.InFrench(ctx);
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        // French pages: write accented letters as they are, not as numeric entities.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHostedService<StartupChecks>();
        // Personal data never reaches a log sink: classified values are erased.
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(r => r.SetRedactor<ErasingRedactor>(new DataClassificationSet(MaillageTaxonomy.PersonalData)));
        builder.Services.AddDataProtection().SetApplicationName("Maillage")
            .PersistKeysToFileSystem(new DirectoryInfo(Setting("Maillage:Keys") ?? data.Keys));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
        });
    }

    public static void UseMaillagePlatform(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = ErrorResponses.HandleExceptionAsync,
            // A request the framework could not read is the client's mistake, answered with a 400 that says why: not an error of the
            // server, so not logged as an « unhandled exception » with its stack (the request itself is still logged with its status).
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("fr-FR"),
            SupportedCultures = [Maillage.Platform.French.Culture],
            SupportedUICultures = [Maillage.Platform.French.Culture],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(ErrorResponses.RefuseOversizedBodies);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().RequireAuthorization();
    }

    /// <summary>The answer of <c>/health</c>: <c>{"status": "ok", "geography": vintage}</c> (a named type: the request delegate generator
    /// cannot name an anonymous one).</summary>
    public sealed record Health(string Status, string Geography);

    /// <summary>The platform's own routes: liveness and every Razor page (each module's pages sit in its folder).</summary>
    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapGet("/health", (Maillage.Territories.Published.GeoCatalog geo) => TypedResults.Ok(new Health("ok", geo.Vintage)))
            .AllowAnonymous().WithName("Health").WithSummary("Liveness of the platform").WithTags("Platform");
        app.MapRazorPages();
        return app;
    }

    /// <summary>Prints how to reach the platform and log in, then serves (the database is prepared by <see cref="StartupChecks"/>).</summary>
    public static async Task PrepareAndRunAsync(this WebApplication app)
    {
        var urls = app.Configuration["Maillage:Urls"] is { Length: > 0 } u ? u : app.Configuration["urls"] ?? DefaultUrl;
        Console.WriteLine($"Maillage : {urls.Split(';')[0]}");
        Console.WriteLine($"Données : {app.Services.GetRequiredService<DataDirectory>().Describe()}");
        if (app.Configuration.GetValue("Maillage:Demo", true))
        {
            Console.WriteLine($"Démo : connectez-vous avec {Demo.SeedDemo.Accounts[0].Email} / {Demo.SeedDemo.Password} (autres comptes : voir README)");
        }

        await app.RunAsync();
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/fhir") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
