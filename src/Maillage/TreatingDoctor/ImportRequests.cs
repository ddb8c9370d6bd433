using System.Text;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Maillage.TreatingDoctor.Storage;

namespace Maillage.TreatingDoctor;

/// <summary>A line of an import refused, with its number (the header is line 1) and what is wrong.</summary>
public sealed record ImportProblem(int Line, string? Field, string Message);

/// <summary>What an import did: lines read, requests created, lines merged into an open request, lines refused (each with its reason).</summary>
public sealed record ImportReport(int Lines, int Created, int Merged, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// The CPTS team imports a list of patients (e.g. the CPAM's list of patients in ALD without a treating doctor) as CSV, UTF-8, « ; » or
/// « , » (docs/treating-doctor.md, « Import »). Every line is checked as a filing is; a bad line (bad NIR key, unknown commune, no consent,
/// bytes that are not UTF-8…) is reported with its number and the valid lines are kept, in one transaction.
/// </summary>
public sealed class ImportRequests(MaillageDbContext db, TreatingAccess access, GeoCatalog geo, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The columns, in any order; the first four and consent are required (« oui »/« non »).</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["nom", "prenom", "date_naissance", "commune", "telephone", "email", "nir", "criteres", "visite_domicile", "consentement", "notes"];

    private static readonly string[] Required = ["nom", "prenom", "date_naissance", "commune", "consentement"];

    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public async Task<Result<ImportReport>> RunAsync(Guid cptsId, Stream csv, string? source, bool queued, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<ImportReport>.Fail(scope.Errors);
        }

        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return new Error("file_too_large", "Le fichier dépasse 10 Mo : coupez-le en plusieurs listes.", "file");
        }

        var lines = SplitLines(buffer.ToArray());
        if (lines.Count == 0 || lines[0].Text is not { } headerLine || string.IsNullOrWhiteSpace(headerLine))
        {
            return new Error("empty_file", "Le fichier est vide : la première ligne doit nommer les colonnes (" + string.Join(";", Columns) + ").", "file");
        }

        var delimiter = headerLine.Count(ch => ch == ';') >= headerLine.Count(ch => ch == ',') ? ';' : ',';
        var header = Split(headerLine.TrimStart('\uFEFF'), delimiter).Select(h => RequestRules.MatchKey(h).ToLowerInvariant()).ToList();
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(RequestRules.MatchKey(c).ToLowerInvariant()));
        var missing = Required.Where(c => index[c] < 0).ToList();
        if (missing.Count > 0)
        {
            return new Error("missing_columns", $"Colonnes manquantes à la ligne 1 : {string.Join(", ", missing)} (colonnes attendues : {string.Join(";", Columns)}).", "file");
        }

        var s = scope.Value!;
        var now = clock.GetUtcNow();
        var by = $"Import {source ?? "CSV"} ({actor.Name})";
        var problems = new List<ImportProblem>();
        var created = new List<TreatingRequest>();
        int merged = 0, read = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            var (number, text) = (i + 1, lines[i].Text);
            if (text is null)
            {
                problems.Add(new ImportProblem(number, null, "Ligne illisible : elle contient des caractères qui ne sont pas en UTF-8. Enregistrez le fichier en « CSV UTF-8 »."));
                read++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            read++;
            var cells = Split(text, delimiter);
            string? Cell(string column) => index[column] is var at and >= 0 && at < cells.Count ? cells[at].Trim() : null;
            var consent = Yes(Cell("consentement"));
            var input = new RequestInput(Cell("nom"), Cell("prenom"), Cell("date_naissance"), Cell("commune"), Cell("telephone"), Cell("email"), Cell("nir"),
                (Cell("criteres") ?? "").Split([',', '|', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Yes(Cell("visite_domicile")) == true, consent == true, Cell("notes"));
            var check = RequestRules.Check(input, s.Today, geo);
            if (!check.Succeeded)
            {
                problems.AddRange(check.Errors.Select(e => new ImportProblem(number, ColumnOf(e.Field), e.Message)));
                continue;
            }

            var c = check.Value!;
            var earlier = created.FirstOrDefault(r => RequestRules.SamePerson(r, c)) ?? await RequestMerge.FindOpenAsync(db, cptsId, c, ct);
            if (earlier is not null)
            {
                RequestMerge.Add(earlier, c, RequestChannel.Import, by, now);
                merged++;
                continue;
            }

            var request = RequestMerge.New(cptsId, c, RequestChannel.Import, actor.UserId, by, now, queued ? RequestStatus.Waiting : RequestStatus.New);
            db.TreatingRequests().Add(request);
            created.Add(request);
        }

        audit.Record(actor, cptsId, "treating.requests-imported",
            $"Import {source ?? "CSV"} : {read} lignes, {created.Count} demandes créées, {merged} fusionnées, {problems.Select(p => p.Line).Distinct().Count()} lignes refusées.");
        return await db.SaveAsync(new ImportReport(read, created.Count, merged, problems), ct);
    }

    private static bool? Yes(string? text) => RequestRules.MatchKey(text) switch
    {
        "OUI" or "O" or "YES" or "Y" or "1" or "VRAI" or "TRUE" or "X" => true,
        "NON" or "N" or "NO" or "0" or "FAUX" or "FALSE" or "" => false,
        _ => null,
    };

    private static string? ColumnOf(string? field) => field switch
    {
        "familyName" => "nom",
        "givenName" => "prenom",
        "birthDate" => "date_naissance",
        "communeCode" => "commune",
        "phone" => "telephone",
        "email" => "email",
        "nir" => "nir",
        "criteria" => "criteres",
        "consent" => "consentement",
        "notes" => "notes",
        _ => field,
    };

    /// <summary>The file's lines, each decoded on its own: a line that is not UTF-8 has no text (and is reported), the others are kept.</summary>
    private static List<(int Number, string? Text)> SplitLines(byte[] bytes)
    {
        var lines = new List<(int, string?)>();
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                continue;
            }

            var end = i > start && bytes[i - 1] == (byte)'\r' ? i - 1 : i;
            string? text;
            try
            {
                text = StrictUtf8.GetString(bytes, start, end - start);
            }
            catch (DecoderFallbackException)
            {
                text = null;
            }

            lines.Add((lines.Count + 1, text));
            start = i + 1;
        }

        while (lines.Count > 0 && lines[^1].Item2 is "")
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>One CSV line's cells: a cell in double quotes may hold the delimiter, and "" is a quote.</summary>
    private static List<string> Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
