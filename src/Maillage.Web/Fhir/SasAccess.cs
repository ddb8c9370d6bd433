using System.Security.Authentication;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Maillage.Web.Fhir;

/// <summary>
/// Wires the SAS's authentication on <c>/fhir</c> in one place: the scheme <see cref="SchemeName"/> that <see cref="FhirWeb.SasPolicy"/>
/// names picks the client certificate or the bearer token per request (<see cref="SasAccessSettings"/>), the HTTPS endpoint of mTLS is
/// added to the host's addresses, and refusals on <c>/fhir</c> are OperationOutcomes.
/// </summary>
public static class SasAccess
{
    /// <summary>The scheme of the SAS policy: forwards to <see cref="SasCertificateHandler"/> or <see cref="BearerTokenHandler"/>.</summary>
    public const string SchemeName = "Sas";

    public static void AddSasAccess(this WebApplicationBuilder builder)
    {
        var settings = SasAccessSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SasCertificateHandler>(SasCertificateHandler.SchemeName, null)
            .AddPolicyScheme(SchemeName, "Plateforme SAS", o => o.ForwardDefaultSelector = http => Select(http, settings));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, SasRefusals>();
        if (settings.Mtls is { Url: { } url, Port: { } port, ServerCertificate: { } certificate } mtls)
        {
            // The HTTPS endpoint joins the host's other addresses (the pages and the API stay where they are, on plain HTTP): Kestrel
            // binds what UseUrls lists, and the endpoint of that port gets TLS with a client certificate asked for but not required.
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } current ? current : WebPlatform.DefaultUrl;
            builder.WebHost.UseUrls(urls + ";" + url);
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(listen =>
            {
                if (listen.IPEndPoint?.Port == port)
                {
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = certificate;
                        https.ServerCertificateChain = mtls.ServerChain;
                        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                        // Any certificate passes the handshake: SasCertificateHandler checks it against its own trust store, so that a
                        // refusal is a 401/403 OperationOutcome that says why, not a broken connection (and other routes need none).
                        https.ClientCertificateValidation = (_, _, _) => true;
                    });
                }
            }));
        }
    }

    private static string Select(HttpContext http, SasAccessSettings settings)
    {
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return settings.Mtls is { } mtls
            ? settings.AllowBearer && bearer && !SasCertificateHandler.HasCertificate(http, mtls) ? BearerTokenHandler.SchemeName : SasCertificateHandler.SchemeName
            : settings.AllowBearer ? BearerTokenHandler.SchemeName : SasCertificateHandler.SchemeName;
    }
}

/// <summary>On the SAS policy, a refusal is an OperationOutcome (401 without valid credentials, 403 with credentials of someone else),
/// as every other answer of <c>/fhir</c>; elsewhere the default behaviour (redirect to the login page, problem details).</summary>
public sealed class SasRefusals(SasAccessSettings settings) : IAuthorizationMiddlewareResultHandler
{
    private static readonly FhirJsonSerializer Serializer = new();

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async System.Threading.Tasks.Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!(authorizeResult.Challenged || authorizeResult.Forbidden) || !policy.AuthenticationSchemes.Contains(SasAccess.SchemeName))
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var reason = context.Items[SasCertificateHandler.RefusalKey] as string;
        var (status, code, message) = authorizeResult.Challenged
            ? (StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login,
                reason ?? (settings.AllowBearer ? "Authentification requise : jeton porteur (Authorization: Bearer) d'un compte de la plateforme SAS." : "Authentification requise."))
            : (StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, reason ?? "Ce compte n'est pas celui de la plateforme SAS.");
        if (status == StatusCodes.Status401Unauthorized && settings.AllowBearer)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var outcome = new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = message }],
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = FhirWeb.FhirJson + "; charset=utf-8";
        await context.Response.WriteAsync(Serializer.SerializeToString(outcome), Encoding.UTF8, context.RequestAborted);
    }
}
