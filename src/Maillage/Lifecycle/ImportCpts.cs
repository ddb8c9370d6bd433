using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Sylvan.Data.Csv;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;

namespace Maillage.Lifecycle;

/// <summary>A line of an import that was refused, with its number in the file (the header is line 1).</summary>
public sealed record LineError(int Line, string Record, string Reason);

/// <summary>What an import did; <see cref="Committed"/> is false when the whole file was refused.</summary>
public sealed record ImportReport(int Created, IReadOnlyList<LineError> Rejected, bool Committed);

/// <summary>
/// Loads CPTS from a CSV (<see cref="CptsCsv"/>) in one transaction: a bad line is reported with its number and
/// reason and the whole file is refused, unless <c>skipInvalid</c> keeps the valid lines.
/// </summary>
public sealed class ImportCpts(MaillageDbContext db, CreateCpts create, RecordStage stages, Territories.Published.ComputeTerritory compute, CptsSaver saver, Platform.Audit.AuditTrail audit, Tenancy tenancy)
{
    public async Task<ImportReport> RunAsync(TextReader reader, bool skipInvalid, Actor actor, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var rejected = new List<LineError>();
        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(reader, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase }, ct);
        }
        catch (CsvMissingHeadersException)
        {
            return new ImportReport(0, [new LineError(1, "", "Le fichier est vide : la première ligne doit être l'en-tête " + string.Join(';', CptsCsv.Header) + ".")], false);
        }

        await using var _ = csv;
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToLowerInvariant()).ToArray();
        var missing = new[] { CptsCsv.Name, CptsCsv.Communes }.Where(h => !header.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            return new ImportReport(0, [new LineError(1, string.Join(';', header), $"{French.Plural(missing.Count, "Colonne obligatoire absente", "Colonnes obligatoires absentes")} : {string.Join(", ", missing)}.")], false);
        }

        var created = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var line = 1;
        while (await csv.ReadAsync(ct))
        {
            line++;
            var record = string.Join(';', Enumerable.Range(0, csv.RowFieldCount).Select(csv.GetString));
            var errors = await ImportLineAsync(csv, header, actor, ct);
            db.ChangeTracker.Clear();
            if (errors.Count == 0)
            {
                created++;
            }
            else
            {
                rejected.AddRange(errors.Select(e => new LineError(line, record, e.Message)));
            }

            progress?.Report(line - 1);
        }

        if (rejected.Count > 0 && !skipInvalid)
        {
            await tx.RollbackAsync(ct);
            return new ImportReport(0, rejected, false);
        }

        await tx.CommitAsync(ct);
        return new ImportReport(created, rejected, true);
    }

    private async Task<IReadOnlyList<Error>> ImportLineAsync(CsvDataReader csv, string[] header, Actor actor, CancellationToken ct)
    {
        if (csv.RowFieldCount != header.Length)
        {
            return [new Error("columns", $"{French.Count(csv.RowFieldCount, "colonne", "colonnes")} au lieu de {header.Length}.")];
        }

        string? Field(string name) => Array.IndexOf(header, name) is var i and >= 0 && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;
        var dates = new List<(Stage Stage, DateOnly Date)>();
        foreach (var (stage, column) in CptsCsv.StageColumns)
        {
            if (Field(column) is not { } text)
            {
                continue;
            }

            if (!CptsCsv.TryParseDate(text, out var date))
            {
                return [new Error("date", $"{column} : « {text} » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj).")];
            }

            dates.Add((stage, date));
        }

        var codes = (Field(CptsCsv.Communes) ?? "").Split([' ', ',', '|'], StringSplitOptions.RemoveEmptyEntries);
        var input = new CptsInput(Field(CptsCsv.Name), Field(CptsCsv.Rna), Field(CptsCsv.Siret), Field(CptsCsv.Email), Field(CptsCsv.Phone), codes,
            Field(CptsCsv.Override)) { Finess = Field(CptsCsv.Finess) };
        DateOnly? since = dates.Count > 0 ? dates.Min(d => d.Date) : null;
        if (dates.Any(d => d.Stage == Stage.Dissolved))
        {
            return await ImportDissolvedAsync(input, dates, since, actor, ct);
        }

        var result = await create.RunAsync(input, actor, since, ct);
        if (!result.Succeeded)
        {
            return result.Errors;
        }

        foreach (var (stage, date) in dates.Where(d => d.Stage != Stage.PreProject))
        {
            var moved = await stages.RunAsync(result.Value!.Id, stage.Id(), date, null, actor, ct);
            if (!moved.Succeeded)
            {
                await db.Cpts().Where(c => c.Id == result.Value.Id).ExecuteDeleteAsync(ct);
                return moved.Errors;
            }
        }

        return [];
    }

    /// <summary>
    /// A dissolved CPTS keeps its last territory as history but holds no commune, so it never blocks the CPTS
    /// that took its communes over.
    /// </summary>
    private async Task<IReadOnlyList<Error>> ImportDissolvedAsync(CptsInput input, List<(Stage Stage, DateOnly Date)> dates, DateOnly? since, Actor actor, CancellationToken ct)
    {
        var territory = compute.Run(input.Territory ?? []);
        var errors = input.CheckIdentity().Concat(territory.Errors).ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        if (!actor.CanCreate(territory.Departements, territory.Regions))
        {
            return [Error.Forbidden()];
        }

        var clock = tenancy.ClockOf(territory.Departements);
        var now = clock.UtcNow;
        var cpts = Cpts.Register(since!.Value, actor.Name, now);
        input.ApplyIdentity(cpts);
        foreach (var (stage, date) in dates.Where(d => d.Stage != Stage.PreProject).OrderBy(d => d.Stage))
        {
            if (cpts.MoveTo(stage, date, clock.Today, actor.Name, now) is { } refused)
            {
                return [refused];
            }
        }

        cpts.SetPerimeter(territory.Population, territory.Tier, territory.RuleSet, territory.Departements, territory.Regions);
        cpts.DissolvedTerritory = string.Join(' ', territory.Units.Select(u => u.Code));
        db.Cpts().Add(cpts);
        audit.Record(actor, cpts.Id, "cpts.created", $"CPTS « {cpts.Name} » importée, dissoute ({territory.Units.Count} unités de territoire gardées en historique).");
        return await saver.SaveAsync(cpts, ct) is { } error ? [error] : [];
    }
}
