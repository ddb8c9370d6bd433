using System.Text;
using ClosedXML.Excel;
using Maillage.Directory.Published;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;

namespace Maillage.Directory;

/// <summary>The formats the directory is exported to.</summary>
public enum DirectoryFormat
{
    Csv,
    Xlsx,
    Vcf,
}

/// <summary>What an export wrote: the file's name and type, and how many professionals it holds.</summary>
public sealed record DirectoryFile(string FileName, string ContentType, int Count);

/// <summary>
/// Writes the directory of a CPTS, with the same filters as the page, as CSV (the layout <see cref="ReadDirectoryCsv"/>
/// reads back), Excel or vCard 4.0. A file leaves the platform: work contacts are written only for the professionals
/// who agreed to publish them, whoever exports, and each export is written to the audit trail.
/// </summary>
public sealed class ExportDirectory(ReadDirectory read, GeoCatalog geo, MaillageDbContext db, AuditTrail audit)
{
    public static IReadOnlyList<string> ExcelColumns { get; } =
    [
        "RPPS", "Nom", "Prénom", "Profession", "Spécialité", "Mode d'exercice", "Code commune", "Commune", "Adresse",
        "Structure", "Type de structure", "FINESS", "SIRET", "E-mail professionnel", "Téléphone professionnel", "MSSanté",
    ];

    public static Result<DirectoryFormat> ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => Result<DirectoryFormat>.Ok(DirectoryFormat.Csv),
        "xlsx" or "excel" => Result<DirectoryFormat>.Ok(DirectoryFormat.Xlsx),
        "vcf" or "vcard" => Result<DirectoryFormat>.Ok(DirectoryFormat.Vcf),
        _ => new Error("invalid_format", $"Format « {format} » inconnu : csv, xlsx ou vcf.", "format"),
    };

    public async Task<Result<DirectoryFile>> RunAsync(Guid cptsId, DirectoryQuery query, DirectoryFormat format, Actor actor, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        var scope = await read.ScopeAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<DirectoryFile>.Fail(scope.Errors);
        }

        var s = scope.Value!;
        var errors = read.Check(query with { Page = 1, PageSize = 1 }, s);
        if (errors.Count > 0)
        {
            return Result<DirectoryFile>.Fail(errors);
        }

        var entries = (await read.AllAsync(s, query, ct)).Select(e => WithExportableContacts(e, s.Rights)).ToList();
        var name = "annuaire-" + Slug(s.Cpts.Name);
        var file = format switch
        {
            DirectoryFormat.Xlsx => new DirectoryFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", entries.Count),
            DirectoryFormat.Vcf => new DirectoryFile(name + ".vcf", "text/vcard; charset=utf-8", entries.Count),
            _ => new DirectoryFile(name + ".csv", "text/csv; charset=utf-8", entries.Count),
        };
        switch (format)
        {
            case DirectoryFormat.Xlsx:
                WriteExcel(entries, output);
                break;
            case DirectoryFormat.Vcf:
                await WriteVCardsAsync(entries, output, ct);
                break;
            default:
                await WriteCsvAsync(entries, s.Rights, output, ct);
                break;
        }

        audit.Record(actor, s.Cpts.Id, "directory.exported",
            $"Annuaire exporté ({format.ToString().ToUpperInvariant()}) : {French.Count(entries.Count, "professionnel", "professionnels")}, contacts publiés seulement.");
        await db.SaveChangesAsync(ct);
        return Result<DirectoryFile>.Ok(file);
    }

    /// <summary>Unpublished contacts never leave the platform, even for those who see them on screen.</summary>
    private static DirectoryEntry WithExportableContacts(DirectoryEntry e, DirectoryRights rights) =>
        rights.ExportsContactsOf(e.PublishContacts == true) ? e : e with { WorkEmail = null, WorkPhone = null };

    private async Task WriteCsvAsync(List<DirectoryEntry> entries, DirectoryRights rights, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        var rows = entries.SelectMany(e => e.Places.Select(p => (IReadOnlyList<string?>)
        [
            e.Rpps, e.LastName, e.FirstName, e.ProfessionCode, e.SpecialtyCode, ReadDirectoryCsv.ModeLetter(e.PracticeMode),
            p.CommuneCode, PostalCode(p.CommuneCode), p.CommuneName, p.Address,
            p.Structure?.Finess, p.Structure?.Siret, p.Structure?.Name, p.Structure?.Kind.French(),
            e.WorkEmail, e.WorkPhone, e.MssanteAddress,
            rights.Contacts && e.PublishContacts is { } publish ? (publish ? "oui" : "non") : null,
        ]));
        await CsvFile.WriteAsync(writer, ReadDirectoryCsv.Header, rows, ct: ct);
        await writer.FlushAsync(ct);
    }

    private static void WriteExcel(List<DirectoryEntry> entries, Stream output)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Annuaire");
        for (var c = 0; c < ExcelColumns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(ExcelColumns[c]);
        }

        var row = 2;
        foreach (var e in entries)
        {
            foreach (var p in e.Places)
            {
                string?[] cells =
                [
                    e.Rpps, e.LastName, e.FirstName, e.Profession, e.Specialty, e.PracticeMode.French(), p.CommuneCode, p.CommuneName, p.Address,
                    p.Structure?.Name, p.Structure?.Kind.French(), p.Structure?.Finess, p.Structure?.Siret, e.WorkEmail, e.WorkPhone, e.MssanteAddress,
                ];
                for (var c = 0; c < cells.Length; c++)
                {
                    // Identifiers and phone numbers stay text: no lost leading zero, no 1,00E+10.
                    sheet.Cell(row, c + 1).SetValue(cells[c] ?? "");
                }

                row++;
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        if (row > 2)
        {
            sheet.Range(1, 1, row - 1, ExcelColumns.Count).SetAutoFilter();
        }

        book.SaveAs(output);
    }

    private async Task WriteVCardsAsync(List<DirectoryEntry> entries, Stream output, CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            AppendCard(text, e);
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), ct);
    }

    /// <summary>One vCard 4.0 (RFC 6350) per professional: lines end with CRLF and fold at 75 octets.</summary>
    private void AppendCard(StringBuilder text, DirectoryEntry e)
    {
        var structure = e.Places.Select(p => p.Structure).FirstOrDefault(s => s is not null);
        List<string> lines =
        [
            "BEGIN:VCARD",
            "VERSION:4.0",
            "KIND:individual",
            $"UID:urn:uuid:{e.Id}",
            "FN:" + Escape($"{e.FirstName} {e.LastName}"),
            $"N:{Escape(e.LastName)};{Escape(e.FirstName)};;;",
            "TITLE:" + Escape(e.Specialty is null ? e.Profession : $"{e.Profession} — {e.Specialty}"),
        ];
        if (structure is not null)
        {
            lines.Add("ORG:" + Escape(structure.Name));
        }

        foreach (var p in e.Places)
        {
            var postal = PostalCode(p.CommuneCode) ?? "";
            lines.Add($"ADR;TYPE=work:;;{Escape(p.Address ?? "")};{Escape(p.CommuneName)};;{Escape(postal)};France");
        }

        if (e.WorkEmail is { } email)
        {
            lines.Add("EMAIL;TYPE=work:" + Escape(email));
        }

        if (e.MssanteAddress is { } mssante)
        {
            lines.Add("EMAIL;TYPE=work:" + Escape(mssante));
        }

        if (e.WorkPhone is { } phone)
        {
            lines.Add("TEL;VALUE=text;TYPE=work,voice:" + Escape(phone));
        }

        lines.Add("NOTE:" + Escape($"RPPS {e.Rpps}" + (e.MssanteAddress is null ? "" : $" · MSSanté {e.MssanteAddress}")));
        lines.Add("END:VCARD");
        foreach (var line in lines)
        {
            Fold(text, line);
        }
    }

    /// <summary>Escapes a text value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Writes a content line folded at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2).</summary>
    public static void Fold(StringBuilder text, string line)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(line);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }

    private string? PostalCode(string commune) => geo.Find(commune)?.PostalCodes is [var first, ..] ? first : null;

    private static string Slug(string name)
    {
        var normal = GeoCatalog.Normalize(name);
        return normal.Length == 0 ? "cpts" : normal.Replace(' ', '-');
    }
}
