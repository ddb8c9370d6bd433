using System.Security.Claims;
using System.Text.Encodings.Web;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Maillage.Web.Platform;

/// <summary>
/// Authenticates API calls carrying <c>Authorization: Bearer &lt;token&gt;</c> made by <c>maillage tokens create</c>. A token's principal is
/// kept a few seconds (<see cref="BearerPrincipals"/>): the SAS platform polls with one token, and looking it up, checking the lockout and
/// building the principal cost three SQL commands per request.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    IUserClaimsPrincipalFactory<MaillageUser> principals,
    UserManager<MaillageUser> users,
    BearerPrincipals cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (cache.Find(secret) is { } known)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(known, SchemeName));
        }

        var generation = CredentialChanges.Generation;
        var user = await tokens.FindUserAsync(secret, Context.RequestAborted);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("Jeton inconnu, révoqué ou compte verrouillé.");
        }

        var principal = await principals.CreateAsync(user);
        cache.Keep(secret, principal, generation);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>
/// The principals of recently seen bearer tokens, for <see cref="LifetimeMs"/> at most and only while no account, role, claim or token was
/// saved in this process since they were read (<see cref="CredentialChanges"/>): a change made here applies at the next request, one made
/// by another process (the CLI) within the lifetime. Only successes are kept; keyed by the token's hash; a copy of the principal per request.
/// </summary>
public sealed class BearerPrincipals
{
    /// <summary>In milliseconds of the machine's monotonic clock (not the platform's clock, which tests move).</summary>
    public const long LifetimeMs = 10_000;

    private const int MaxTokens = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public ClaimsPrincipal? Find(string secret) =>
        entries.TryGetValue(ApiTokens.Hash(secret), out var e) && e.Generation == CredentialChanges.Generation && Environment.TickCount64 < e.Until
            ? e.Principal.Clone() : null;

    public void Keep(string secret, ClaimsPrincipal principal, long generation)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (entries.Count >= MaxTokens)
        {
            entries.Clear();
        }

        entries[ApiTokens.Hash(secret)] = new Entry(principal.Clone(), generation, Environment.TickCount64 + LifetimeMs);
    }

    private sealed record Entry(ClaimsPrincipal Principal, long Generation, long Until);
}
