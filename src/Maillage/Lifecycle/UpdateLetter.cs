using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle;

/// <summary>Saves the lettre d'intention of a CPTS (its coordinator).</summary>
public sealed class UpdateLetter(MaillageDbContext db, Tenancy tenancy, AuditTrail audit, CptsSaver saver)
{
    public const int MaxLength = 4000;

    public async Task<Result<Cpts>> RunAsync(Guid id, LetterOfIntent letter, int? version, Actor actor, CancellationToken ct = default)
    {
        var tenant = await tenancy.RequireAsync(id, actor, t => t.Manages, ct);
        if (!tenant.Succeeded)
        {
            return Result<Cpts>.Fail(tenant.Errors);
        }

        var cpts = await db.Cpts().FirstAsync(c => c.Id == id, ct);

        var fields = new (string Field, string Label, string? Value)[]
        {
            ("actors", "Acteurs engagés", letter.Actors), ("context", "Contexte", letter.Context), ("needs", "Besoins identifiés", letter.Needs),
            ("objectives", "Objectifs", letter.Objectives), ("calendar", "Calendrier prévisionnel", letter.Calendar), ("obstacles", "Premiers obstacles", letter.Obstacles),
        };
        var tooLong = fields.Where(f => f.Value?.Length > MaxLength)
            .Select(f => new Error("too_long", $"« {f.Label} » dépasse {MaxLength} caractères.", f.Field)).ToArray();
        if (tooLong.Length > 0)
        {
            return Result<Cpts>.Fail(tooLong);
        }

        saver.ExpectVersion(cpts, version);
        var l = cpts.Letter;
        (l.Actors, l.Context, l.Needs) = (Trim(letter.Actors), Trim(letter.Context), Trim(letter.Needs));
        (l.Objectives, l.Calendar, l.Obstacles) = (Trim(letter.Objectives), Trim(letter.Calendar), Trim(letter.Obstacles));
        db.Entry(cpts).State = EntityState.Modified;
        audit.Record(actor, cpts.Id, "cpts.letter.updated", "Lettre d'intention mise à jour.");
        return await saver.SaveAsync(cpts, ct) is { } error ? error : Result<Cpts>.Ok(cpts);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
