using System.Security.Cryptography;
using System.Text;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Identity;

/// <summary>Creates and resolves API bearer tokens.</summary>
public sealed class ApiTokens(MaillageDbContext db, TimeProvider clock)
{
    /// <summary>Creates a token for the user and returns its clear text, shown once.</summary>
    public async Task<string> CreateAsync(string userId, string name, CancellationToken ct = default)
    {
        var secret = "mlg_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            TokenHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>The user a token belongs to, or null when the token is unknown or revoked.</summary>
    public async Task<MaillageUser?> FindUserAsync(string secret, CancellationToken ct = default)
    {
        var hash = Hash(secret);
        var userId = await db.ApiTokens.Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => t.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
    }

    /// <summary>How a token is stored and looked up: the hex SHA-256 of its text.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
