using System.Buffers;
using System.Net.Mail;
using System.Text;
using System.Text.Unicode;
using Maillage.Platform;
using Sylvan.Data.Csv;
using Maillage.Territories.Published;
using Maillage.Directory.Published;

namespace Maillage.Directory;

/// <summary>
/// Reads the directory CSV of URPS and CPAM lists (docs/directory-csv.md): UTF-8, « ; » or « , », one place of practice
/// per line; lines with the same RPPS are one professional with several places; structure columns describe the
/// structure of that place. A line that cannot be read is reported with its number (the header is line 1), the
/// others are kept; identifiers, names and codes are checked by <see cref="MergeDirectory"/>.
/// </summary>
public sealed class ReadDirectoryCsv(GeoCatalog geo)
{
    public const string Rpps = "rpps";
    public const string LastName = "nom";
    public const string FirstName = "prenom";
    public const string Profession = "profession";
    public const string Specialty = "specialite";
    public const string Mode = "mode";
    public const string Commune = "commune";
    public const string PostalCode = "code_postal";
    public const string City = "ville";
    public const string Address = "adresse";
    public const string StructureFiness = "structure_finess";
    public const string StructureSiret = "structure_siret";
    public const string StructureName = "structure_nom";
    public const string StructureType = "structure_type";
    public const string Email = "email_pro";
    public const string Phone = "telephone_pro";
    public const string Mssante = "mssante";
    public const string Publication = "publication";

    public const string NotUtf8 = "le fichier n'est pas en UTF-8 — enregistrez-le en UTF-8 (Excel : CSV UTF-8)";

    /// <summary>Every column, in the documented order.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        Rpps, LastName, FirstName, Profession, Specialty, Mode, Commune, PostalCode, City, Address,
        StructureFiness, StructureSiret, StructureName, StructureType, Email, Phone, Mssante, Publication,
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private sealed record Line(int Number, ProfessionalRecord Professional, string? Mode);

    public DirectoryBatch Read(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var input = csv.CanSeek ? csv : Buffer(csv);
        var start = input.Position;
        try
        {
            return Parse(input);
        }
        catch (DecoderFallbackException)
        {
            input.Position = start;
            return new DirectoryBatch([], [], [new RejectedRecord($"ligne {FirstInvalidLine(input)}", Capitalise(NotUtf8) + ".")]);
        }
    }

    /// <summary>The line of the first byte that is not UTF-8 (1-based), found again after the decoder refused the file.</summary>
    public static int FirstInvalidLine(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        int line = 1, kept = 0, read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0 || kept > 0)
        {
            var length = kept + read;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == OperationStatus.InvalidData || read == 0)
            {
                return line;
            }

            // An incomplete sequence at the end of the buffer is completed by the next read.
            kept = length - consumed;
            buffer.AsSpan(consumed, kept).CopyTo(buffer);
        }

        return line;
    }

    private static MemoryStream Buffer(Stream source)
    {
        var copy = new MemoryStream();
        source.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private DirectoryBatch Parse(Stream input)
    {
        SkipBom(input);
        using var reader = new StreamReader(input, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        }
        catch (CsvMissingHeadersException)
        {
            return Refused("Le fichier est vide : la première ligne doit être l'en-tête " + string.Join(';', Header) + ".");
        }

        using var _ = csv;
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToLowerInvariant()).ToArray();
        var missing = new[] { Rpps, LastName, FirstName, Profession }.Where(h => !header.Contains(h)).ToList();
        if (!header.Contains(Commune) && !(header.Contains(PostalCode) && header.Contains(City)))
        {
            missing.Add($"{Commune} (ou {PostalCode} et {City})");
        }

        if (missing.Count > 0)
        {
            return Refused($"{French.Plural(missing.Count, "Colonne obligatoire absente", "Colonnes obligatoires absentes")} : {string.Join(", ", missing)}. En-tête attendu : {string.Join(';', Header)}.");
        }

        var rows = new RowReader(this, csv, header);
        var lines = new List<Line>();
        var rejected = new List<RejectedRecord>();
        var structures = new Dictionary<string, StructureRecord>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (true)
        {
            try
            {
                if (!csv.Read())
                {
                    break;
                }
            }
            catch (CsvFormatException)
            {
                rejected.Add(new RejectedRecord($"ligne {lineNumber + 1}", "Guillemets mal fermés : cette ligne et la suite du fichier ne peuvent pas être lues."));
                break;
            }

            lineNumber++;
            if (rows.IsBlank())
            {
                continue;
            }

            var origin = $"ligne {lineNumber}";
            if (rows.Read(lineNumber, out var error) is not { } line)
            {
                rejected.Add(new RejectedRecord(origin, error!));
                continue;
            }

            lines.Add(line);
            if (rows.Structure(origin, line.Professional.Practices[0].CommuneCode, out var structureError) is { } s)
            {
                structures.TryAdd(s.Key ?? "nom:" + s.Name.Trim().ToUpperInvariant() + "|" + s.CommuneCode, s);
            }
            else if (structureError is not null)
            {
                rejected.Add(new RejectedRecord(origin + " : structure", structureError));
            }
        }

        return new DirectoryBatch([.. structures.Values], MergeLines(lines, rejected), rejected);
    }

    /// <summary>Lines with the same RPPS are places of one professional: the first line gives the identity.</summary>
    private static List<ProfessionalRecord> MergeLines(List<Line> lines, List<RejectedRecord> rejected)
    {
        var merged = new List<ProfessionalRecord>();
        foreach (var group in lines.GroupBy(l => l.Professional.Rpps, StringComparer.Ordinal))
        {
            var first = group.First().Professional;
            var kept = new List<Line>();
            foreach (var l in group)
            {
                var p = l.Professional;
                if (p.LastName != first.LastName || p.FirstName != first.FirstName || p.ProfessionCode != first.ProfessionCode
                    || p.SpecialtyCode != first.SpecialtyCode)
                {
                    rejected.Add(new RejectedRecord(p.Label, $"Même RPPS que la {first.Origin} mais nom, prénom, profession ou spécialité différents : ligne ignorée."));
                }
                else
                {
                    kept.Add(l);
                }
            }

            var publish = kept.Select(l => l.Professional.PublishContacts).OfType<bool>().ToList();
            merged.Add(first with
            {
                Origin = kept.Count == 1 ? first.Origin : "lignes " + string.Join(", ", kept.Select(l => l.Number)),
                PracticeMode = CombinedMode(kept.Select(l => l.Mode)),
                Practices = [.. kept.SelectMany(l => l.Professional.Practices).Distinct()],
                MssanteAddress = kept.Select(l => l.Professional.MssanteAddress).FirstOrDefault(v => v is not null),
                WorkEmail = kept.Select(l => l.Professional.WorkEmail).FirstOrDefault(v => v is not null),
                WorkPhone = kept.Select(l => l.Professional.WorkPhone).FirstOrDefault(v => v is not null),
                // A refusal on any line wins: consent must be unambiguous.
                PublishContacts = publish.Count == 0 ? null : publish.All(v => v),
            });
        }

        return merged;
    }

    /// <summary>Libéral on one line and salarié on another is a mixed practice (M says it on one line).</summary>
    private static PracticeMode CombinedMode(IEnumerable<string?> modes)
    {
        var set = modes.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return set.Contains("M") || (set.Contains("L") && set.Contains("S")) ? PracticeMode.Mixed
            : set.Contains("S") ? PracticeMode.Salaried
            : set.Contains("B") && !set.Contains("L") ? PracticeMode.Volunteer
            : PracticeMode.Liberal;
    }

    private static DirectoryBatch Refused(string reason) => new([], [], [new RejectedRecord("ligne 1", reason)]);

    private static void SkipBom(Stream input)
    {
        var start = input.Position;
        Span<byte> bom = stackalloc byte[3];
        if (input.ReadAtLeast(bom, 3, throwOnEndOfStream: false) < 3 || !bom.SequenceEqual("\uFEFF"u8))
        {
            input.Position = start;
        }
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The letter of the mode column for a practice mode (M for mixte).</summary>
    public static string ModeLetter(PracticeMode mode) => mode switch
    {
        PracticeMode.Salaried => "S",
        PracticeMode.Volunteer => "B",
        PracticeMode.Mixed => "M",
        _ => "L",
    };

    /// <summary>Reads the fields of the current line.</summary>
    private sealed class RowReader(ReadDirectoryCsv owner, CsvDataReader csv, string[] header)
    {
        private readonly Dictionary<string, int> columns = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
        private readonly Dictionary<(string, string), string?> communes = [];

        public bool IsBlank() => Enumerable.Range(0, csv.RowFieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i)));

        public Line? Read(int number, out string? error)
        {
            error = csv.RowFieldCount != header.Length
                ? $"{French.Count(csv.RowFieldCount, "colonne", "colonnes")} au lieu de {header.Length} : vérifiez le séparateur et les guillemets."
                : new[] { Rpps, LastName, FirstName, Profession }.FirstOrDefault(c => Field(c) is null) is { } empty
                    ? $"Champ « {empty} » vide."
                    : null;
            if (error is not null)
            {
                return null;
            }

            var mode = Field(Mode)?.ToUpperInvariant();
            var publication = Field(Publication);
            var publish = publication is null ? null : ParseYesNo(publication);
            var commune = CommuneOf(out var communeError);
            error = communeError
                ?? (mode is null or "L" or "S" or "B" or "M" ? null
                    : $"Mode d'exercice « {Field(Mode)} » inconnu : L (libéral), S (salarié), B (bénévole) ou M (mixte, libéral et salarié).")
                ?? (publication is not null && publish is null ? $"Publication « {publication} » : indiquez oui ou non." : null)
                ?? CheckAddress(Email, Field(Email))
                ?? CheckAddress(Mssante, Field(Mssante));
            if (error is not null)
            {
                return null;
            }

            var practice = new PracticeRecord(commune!, StructureKey(), Field(Address));
            var professional = new ProfessionalRecord(Field(Rpps)!, Field(LastName)!, Field(FirstName)!, Field(Profession)!, Field(Specialty)?.ToUpperInvariant(),
                PracticeMode.Liberal, [practice], Field(Mssante), Field(Email), Field(Phone), publish, $"ligne {number}");
            return new Line(number, professional, mode);
        }

        /// <summary>The structure of this line's place of practice, when the line names one.</summary>
        public StructureRecord? Structure(string origin, string commune, out string? error)
        {
            error = null;
            var (finess, siret, name, type) = (Field(StructureFiness)?.ToUpperInvariant(), Digits(Field(StructureSiret)), Field(StructureName), Field(StructureType));
            if (finess is null && siret is null && name is null)
            {
                return null;
            }

            if (StructureKinds.Parse(type) is not { } kind)
            {
                error = $"Type de structure « {type} » inconnu : {string.Join(", ", StructureKinds.Labels.Values)}.";
                return null;
            }

            return new StructureRecord(kind, name ?? "", finess, siret, commune, Field(Address), Origin: origin);
        }

        private string? StructureKey() => Field(StructureFiness)?.ToUpperInvariant() ?? Digits(Field(StructureSiret));

        private string? Field(string name) =>
            columns.TryGetValue(name, out var i) && i < csv.RowFieldCount && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;

        private static string? Digits(string? value) => value?.Replace(" ", "", StringComparison.Ordinal);

        private static string? CheckAddress(string column, string? value) =>
            value is null || (MailAddress.TryCreate(value, out var parsed) && parsed.Address == value)
                ? null
                : $"{column} : « {value} » n'est pas une adresse électronique.";

        private static bool? ParseYesNo(string value) => value.ToLowerInvariant() switch
        {
            "oui" or "o" or "1" or "vrai" or "true" or "yes" => true,
            "non" or "n" or "0" or "faux" or "false" or "no" => false,
            _ => null,
        };

        /// <summary>The INSEE code of the place: the commune column, else the code postal and ville pair.</summary>
        private string? CommuneOf(out string? error)
        {
            error = null;
            if (Field(Commune) is { } code)
            {
                return code.ToUpperInvariant();
            }

            var (postal, city) = (Field(PostalCode), Field(City));
            if (postal is null || city is null)
            {
                error = $"Lieu d'exercice manquant : indiquez le code INSEE (colonne {Commune}) ou le code postal et la ville.";
                return null;
            }

            if (!communes.TryGetValue((postal, city), out var found))
            {
                found = owner.FindCommune(postal, city);
                communes[(postal, city)] = found;
            }

            error = found is null
                ? $"Code postal {postal} et ville « {city} » : commune introuvable — indiquez le code INSEE dans la colonne {Commune}."
                : null;
            return found;
        }
    }

    /// <summary>The commune a postal code and a city name designate: the name decides between the communes of the code.</summary>
    private string? FindCommune(string postal, string city)
    {
        var candidates = geo.Search(postal, 100).Select(h => h.Unit).Where(u => u.PostalCodes.Contains(postal)).ToList();
        var name = GeoCatalog.Normalize(city);
        var byName = candidates.Where(u => GeoCatalog.Normalize(u.Name) == name).ToList();
        if (byName.Count == 1)
        {
            return byName[0].Code;
        }

        // A commune déléguée or a former name leads to its current commune.
        var codes = candidates.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var viaName = geo.Search(city, 50).Where(h => codes.Contains(h.Unit.Code) && GeoCatalog.Normalize(h.Via ?? h.Unit.Name) == name)
            .Select(h => h.Unit.Code).Distinct().ToList();
        return viaName.Count == 1 ? viaName[0] : candidates.Count == 1 ? candidates[0].Code : null;
    }
}
