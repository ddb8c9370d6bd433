using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Indemnities.Storage;
using Maillage.Directory.Published;

namespace Maillage.Indemnities;

/// <summary>The text of a note; <see cref="Version"/> is the note's version the editor saw (absent for a new note).</summary>
public sealed record ProfessionNoteInput(string? Text, int? Version = null);

/// <summary>
/// Writes the CPTS's own note on the tax and social treatment of indemnities for a profession (BNC for libéraux, salaried professionals…),
/// shown on the page and in the exports. <c>Run</c>.
/// </summary>
public sealed class SaveProfessionNote(MaillageDbContext db, AuditTrail audit, Nomenclatures nomenclatures, TimeProvider clock, IndemnityAccess access)
{
    public const int MaxText = 10_000;

    public async Task<Result<ProfessionNote>> RunAsync(Guid cptsId, string? profession, ProfessionNoteInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, r => r.Run, ct);
        if (!scope.Succeeded)
        {
            return Result<ProfessionNote>.Fail(scope.Errors);
        }

        var code = profession?.Trim() ?? "";
        var errors = new List<Error>();
        if (!nomenclatures.Professions.ContainsKey(code))
        {
            errors.Add(new Error("unknown_profession", $"Profession « {code} » inconnue de la nomenclature TRE_G15.", "profession"));
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxText)
        {
            errors.Add(new Error("invalid_text", $"Écrivez la note (régime fiscal et social des indemnités), en {MaxText} caractères au plus.", "text"));
        }

        if (errors.Count > 0)
        {
            return Result<ProfessionNote>.Fail(errors);
        }

        var note = await db.ProfessionNotes().FirstOrDefaultAsync(n => n.CptsId == cptsId && n.ProfessionCode == code, ct);
        if (note is null)
        {
            note = new ProfessionNote { Id = Guid.NewGuid(), CptsId = cptsId, ProfessionCode = code };
            db.ProfessionNotes().Add(note);
        }
        else if (input.Version is { } version && version != note.Version)
        {
            return Error.Stale();
        }

        note.Text = text;
        note.UpdatedBy = actor.Name;
        note.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, cptsId, "indemnity.note", $"Note fiscale et sociale de la profession « {nomenclatures.ProfessionLabel(code)} » ({note.Id}) enregistrée.");
        return await db.SaveAsync(note, ct);
    }
}
