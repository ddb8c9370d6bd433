using Maillage.Directory.Annuaire;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Lifecycle.Published;

namespace Maillage.Directory;

/// <summary>
/// Loads a directory file into the platform: a FHIR Bundle of the Annuaire Santé (.json) or the documented CSV (.csv),
/// recognised by its extension, else by its first character. A national import (no CPTS) is for administrators;
/// an import for a CPTS, for its coordinator or an administrator, and keeps only what lies in its territory.
/// </summary>
public sealed class ImportDirectory(MaillageDbContext db, Tenancy tenancy, ReadDirectoryCsv csv, ReadAnnuaireBundle annuaire, MergeDirectory merge, AuditTrail audit)
{
    /// <summary>The source names written on the records (<see cref="Professional.Source"/>).</summary>
    public const string AnnuaireSource = "annuaire";

    public const string CsvSource = "csv";

    public async Task<Result<DirectoryMergeReport>> RunAsync(Stream file, string fileName, Guid? cptsId, Actor actor, IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        if (cptsId is { } id)
        {
            var tenant = await tenancy.RequireAsync(id, actor, t => t.DirectoryRights().Import, ct);
            if (!tenant.Succeeded)
            {
                return Result<DirectoryMergeReport>.Fail(tenant.Errors);
            }
        }
        else if (!actor.CanImportNationally())
        {
            return Error.Forbidden();
        }

        var input = file.CanSeek ? file : await BufferAsync(file, ct);
        var json = IsJson(input, fileName);
        var batch = json ? annuaire.Read(input) : csv.Read(input);
        var source = json ? AnnuaireSource : CsvSource;
        var report = await merge.RunAsync(batch, source, cptsId, progress, ct);
        db.ChangeTracker.Clear();
        audit.Record(actor, cptsId, "directory.imported",
            $"Annuaire importé ({(json ? "Annuaire Santé, FHIR" : "CSV")}, « {Path.GetFileName(fileName)} ») : {French.Count(report.Created, "créé", "créés")}, "
            + $"{French.Count(report.Updated, "mis à jour", "mis à jour")}, {French.Count(report.Unchanged, "inchangé", "inchangés")}, "
            + $"{French.Count(report.OutsideTerritory, "hors territoire", "hors territoire")}, {French.Count(report.Rejected.Count, "refusé", "refusés")}.");
        await db.SaveChangesAsync(ct);
        return Result<DirectoryMergeReport>.Ok(report);
    }

    /// <summary>.json and .csv decide; otherwise a file whose first non-blank character (after a BOM) is « { » or « [ » is JSON.</summary>
    public static bool IsJson(Stream input, string fileName)
    {
        ArgumentNullException.ThrowIfNull(input);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is ".json" or ".csv")
        {
            return extension == ".json";
        }

        var start = input.Position;
        try
        {
            int b;
            while ((b = input.ReadByte()) >= 0)
            {
                if (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
                {
                    continue;
                }

                return b is '{' or '[';
            }

            return false;
        }
        finally
        {
            input.Position = start;
        }
    }

    private static async Task<MemoryStream> BufferAsync(Stream source, CancellationToken ct)
    {
        var copy = new MemoryStream();
        await source.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }
}
