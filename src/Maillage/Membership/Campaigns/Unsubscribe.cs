using System.Globalization;
using System.Security.Cryptography;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Membership.Campaigns;

/// <summary>The CPTS and lower-cased address an unsubscribe token speaks for.</summary>
public sealed record UnsubscribeTarget(Guid CptsId, string Email);

/// <summary>
/// Unsubscribe tokens: the CPTS and the address, protected (encrypted and signed) by ASP.NET Core Data Protection under a purpose of
/// their own — nothing is stored, and nobody can make one for another address without the host's keys.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    public const string Purpose = "Maillage.Campaigns.Unsubscribe.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Create(Guid cptsId, string email) => protector.Protect($"{cptsId:N}\n{SegmentRules.Normalize(email)}");

    /// <summary>The target of a token, or null for a missing, truncated, altered or foreign one.</summary>
    public UnsubscribeTarget? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token.Trim()).Split('\n', 2);
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var cpts) && parts[1].Contains('@', StringComparison.Ordinal)
                ? new UnsubscribeTarget(cpts, parts[1])
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The unsubscribe page's address for a token: <c>{base}/desinscription?t=…</c>.</summary>
    public static string Link(string baseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return string.Create(CultureInfo.InvariantCulture, $"{baseUrl.TrimEnd('/')}/desinscription?t={Uri.EscapeDataString(token)}");
    }
}

/// <summary>What the unsubscribe page shows: the CPTS, the address, and whether it is already unsubscribed.</summary>
public sealed record UnsubscribeView(Guid CptsId, string CptsName, string Email, bool Unsubscribed);

/// <summary>
/// Unsubscribes an address from a CPTS's messages through the link of a message (no account: the token is the proof). Reading the
/// link changes nothing (mail scanners open links); confirming records the unsubscription once, whatever the number of clicks.
/// </summary>
public sealed class Unsubscribe(MaillageDbContext db, Tenancy tenancy, UnsubscribeTokens tokens, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Who acts in the audit trail: the link's holder, never named.</summary>
    public static Actor LinkHolder { get; } = new("unsubscribe-link", "lien de désinscription", Role.Member, null, null, null);

    public async Task<Result<UnsubscribeView>> ReadAsync(string? token, CancellationToken ct = default)
    {
        var target = tokens.Read(token);
        if (target is null)
        {
            return InvalidLink();
        }

        var cpts = await tenancy.ForPlatformAsync(target.CptsId, ct);
        if (!cpts.Succeeded)
        {
            return Result<UnsubscribeView>.Fail(cpts.Errors);
        }

        var done = await db.Unsubscriptions().AnyAsync(u => u.CptsId == target.CptsId && u.Email == target.Email, ct);
        return Result<UnsubscribeView>.Ok(new UnsubscribeView(target.CptsId, cpts.Value!.Name, target.Email, done));
    }

    public async Task<Result<UnsubscribeView>> RunAsync(string? token, CancellationToken ct = default)
    {
        var read = await ReadAsync(token, ct);
        if (!read.Succeeded || read.Value!.Unsubscribed)
        {
            return read;
        }

        var view = read.Value;
        var line = new Unsubscription { Id = Guid.NewGuid(), CptsId = view.CptsId, Email = view.Email, At = clock.GetUtcNow() };
        db.Unsubscriptions().Add(line);
        audit.Record(LinkHolder, view.CptsId, "campaign.unsubscribed", $"Désinscription {line.Id} enregistrée par le lien d'un message.");
        // Two clicks at once: the other one recorded it, which is all that was asked.
        await db.SaveOrConflictAsync(ct);

        return Result<UnsubscribeView>.Ok(view with { Unsubscribed = true });
    }

    private static Error InvalidLink() => new("invalid_link",
        "Ce lien de désinscription n'est pas valide : il a pu être tronqué ou modifié. Ouvrez le lien complet du message reçu, ou écrivez à la CPTS.", "t");
}
