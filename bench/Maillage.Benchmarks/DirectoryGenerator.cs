using System.Globalization;
using System.Text;
using Maillage.Directory;
using Maillage.Territories.Published;
using Maillage.Directory.Published;

namespace Maillage.Benchmarks;

/// <summary>
/// A national-size directory, generated deterministically (same seed, same records): valid RPPS, FINESS and
/// SIRET (Luhn keys), professions weighted like the French registers, places of practice in communes weighted
/// by their legal population, one or two places each, about one structure for every 12.5 professionals.
/// </summary>
public static class DirectoryGenerator
{
    public const int DefaultSeed = 20_261_123;

    /// <summary>
    /// Professions (TRE_G15) and their weights, roughly the active professionals of the RPPS and ADELI registers
    /// (DREES 2023, in thousands): infirmiers 640, médecins 230, masseurs-kinésithérapeutes 100, pharmaciens 74,
    /// chirurgiens-dentistes 45, sages-femmes 24. Only the codes of the nomenclature in use are drawn.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, int Weight)> Professions =
        [("60", 640), ("10", 230), ("70", 100), ("21", 74), ("40", 45), ("50", 24)];

    /// <summary>Specialties of the médecins: about 45% généralistes, the rest spread over common specialties when the nomenclature has them.</summary>
    private static readonly string[] DoctorSpecialties = ["SM04", "SM15", "SM20", "SM32", "SM38", "SM40", "SM42", "SM44", "SM02", "SM24"];

    /// <summary>Structure kinds and weights: about 20,000 officines in France dominate.</summary>
    private static readonly (StructureKind Kind, int Weight, string Label)[] StructureKinds =
    [
        (StructureKind.Pharmacie, 50, "Pharmacie"), (StructureKind.Ehpad, 13, "EHPAD"), (StructureKind.Laboratoire, 9, "Laboratoire"),
        (StructureKind.Msp, 10, "MSP"), (StructureKind.CentreSante, 9, "Centre de santé"), (StructureKind.Hopital, 3, "Centre hospitalier"),
        (StructureKind.Clinique, 2, "Clinique"), (StructureKind.Pmi, 2, "PMI"), (StructureKind.Dac, 1, "DAC"), (StructureKind.AssociationPatients, 1, "Association"),
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre",
        "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
        "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
        "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Le Gall", "Kerbrat",
        "N'Diaye", "Nguyen", "Da Silva", "Hoarau", "Payet", "Ferrari", "Benali", "Lopez",
    ];

    private static readonly string[] FirstNames =
    [
        "Marie", "Jean", "Claire", "Pierre", "Sophie", "Nicolas", "Camille", "Julien", "Isabelle", "Thomas", "Nathalie", "François", "Émilie",
        "Laurent", "Céline", "Mathieu", "Anne", "Sébastien", "Julie", "Olivier", "Aurélie", "Guillaume", "Sandrine", "Hélène", "Maxime", "Léa",
        "Antoine", "Chloé", "Yann", "Manon", "Karim", "Fatima", "Loïc", "Gaëlle", "Hugo", "Inès", "Benoît", "Agnès", "Rémi", "Zoé",
    ];

    private static readonly string[] Streets =
        ["rue de la République", "avenue Jean Jaurès", "place de la Mairie", "rue Victor Hugo", "boulevard Pasteur", "rue du Général de Gaulle", "rue des Écoles", "chemin des Vignes"];

    /// <summary>Generates <paramref name="professionals"/> professionals and <c>professionals / 12.5</c> structures.</summary>
    public static DirectoryBatch Generate(GeoCatalog geo, Nomenclatures nomenclatures, int professionals, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(geo);
        ArgumentNullException.ThrowIfNull(nomenclatures);
        var random = new Random(seed);
        var communes = new WeightedCommunes(geo);
        var professions = Professions.Where(p => nomenclatures.Professions.ContainsKey(p.Code)).ToArray();
        var professionTotal = professions.Sum(p => p.Weight);
        var specialties = DoctorSpecialties.Where(nomenclatures.Specialties.ContainsKey).ToArray();
        var kindTotal = StructureKinds.Sum(k => k.Weight);

        var structureCount = Math.Max(1, (int)(professionals / 12.5));
        var structures = new List<StructureRecord>(structureCount);
        var finessByPrefix = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < structureCount; i++)
        {
            var unit = communes.Pick(random);
            var (kind, _, label) = Pick(StructureKinds, kindTotal, random, k => k.Weight);
            var prefix = unit.Departement.Length == 3 ? unit.Departement[..2] : unit.Departement;
            var n = finessByPrefix[prefix] = finessByPrefix.GetValueOrDefault(prefix) + 1;
            var body = unit.Departement.Length == 3 ? unit.Departement + n.ToString("D5", CultureInfo.InvariantCulture) : prefix + n.ToString("D7", CultureInfo.InvariantCulture)[1..];
            var finess = body + LuhnKey(prefix is "2A" or "2B" ? "20" + body[2..] : body);
            var siret = random.Next(10) < 3 ? SiretOf(i) : null;
            structures.Add(new StructureRecord(kind, $"{label} {LastNames[random.Next(LastNames.Length)]} — {unit.Name}", finess, siret, unit.Code,
                Address(random), Phone: random.Next(2) == 0 ? Phone(random) : null, ExternalId: $"Organization/{finess}"));
        }

        var pharmacies = structures.Where(s => s.Kind == StructureKind.Pharmacie).ToArray();
        var records = new List<ProfessionalRecord>(professionals);
        for (var i = 0; i < professionals; i++)
        {
            var profession = Pick(professions, professionTotal, random, p => p.Weight).Code;
            var specialty = profession == "10" && nomenclatures.Specialties.ContainsKey("SM54")
                ? (random.Next(100) < 45 || specialties.Length == 0 ? "SM54" : specialties[random.Next(specialties.Length)])
                : null;
            var rpps = RppsOf(i);
            var places = random.Next(100) < 22 ? 2 : 1;
            var practices = new List<PracticeRecord>(places);
            for (var k = 0; k < places; k++)
            {
                var atStructure = profession == "21" ? random.Next(100) < 85 && pharmacies.Length > 0 : random.Next(100) < 35;
                var structure = !atStructure ? null : profession == "21" ? pharmacies[random.Next(pharmacies.Length)] : structures[random.Next(structures.Count)];
                practices.Add(new PracticeRecord(structure?.CommuneCode ?? communes.Pick(random).Code, structure?.Finess, Address(random), $"PractitionerRole/{rpps}-{k}"));
            }

            var mode = profession == "21" ? PracticeMode.Salaried : random.Next(100) switch { < 70 => PracticeMode.Liberal, < 90 => PracticeMode.Salaried, _ => PracticeMode.Mixed };
            var (last, first) = (LastNames[random.Next(LastNames.Length)], FirstNames[random.Next(FirstNames.Length)]);
            var mail = Ascii($"{first}.{last}").ToLowerInvariant();
            records.Add(new ProfessionalRecord(rpps, last, first, profession, specialty, mode, practices,
                MssanteAddress: random.Next(100) < 40 ? $"{mail}.{i}@{(profession == "21" ? "pharmacien" : profession == "10" ? "medecin" : "pro")}.mssante.fr" : null,
                WorkEmail: random.Next(100) < 30 ? $"{mail}.{i}@cabinet.example.fr" : null,
                WorkPhone: random.Next(100) < 30 ? Phone(random) : null,
                PublishContacts: random.Next(100) < 60,
                Origin: $"Practitioner/{rpps}"));
        }

        return new DirectoryBatch(structures, records, []);
    }

    /// <summary>
    /// Writes a batch as the directory CSV (docs/directory-csv.md): UTF-8, « ; », one line per place of practice, the
    /// structure of the place on its line. Structures no professional practises in are not in the file.
    /// </summary>
    public static void WriteCsv(DirectoryBatch batch, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(writer);
        var structures = batch.Structures.ToDictionary(s => s.Finess!, StringComparer.Ordinal);
        writer.Write("rpps;nom;prenom;profession;specialite;mode;commune;code_postal;ville;adresse;structure_finess;structure_siret;structure_nom;structure_type;email_pro;telephone_pro;mssante;publication\n");
        var line = new StringBuilder(256);
        foreach (var p in batch.Professionals)
        {
            foreach (var x in p.Practices)
            {
                var s = x.StructureKey is { } key ? structures[key] : null;
                line.Clear().Append(p.Rpps).Append(';').Append(p.LastName).Append(';').Append(p.FirstName).Append(';').Append(p.ProfessionCode).Append(';')
                    .Append(p.SpecialtyCode).Append(';').Append(ModeLetter(p.PracticeMode)).Append(';').Append(x.CommuneCode).Append(";;;")
                    .Append(x.Address).Append(';').Append(s?.Finess).Append(';').Append(s?.Siret).Append(';').Append(s?.Name).Append(';')
                    .Append(s is null ? null : KindLabel(s.Kind)).Append(';').Append(p.WorkEmail).Append(';').Append(p.WorkPhone).Append(';')
                    .Append(p.MssanteAddress).Append(';').Append(p.PublishContacts is null ? null : p.PublishContacts.Value ? "oui" : "non").Append('\n');
                writer.Write(line);
            }
        }
    }

    /// <summary><c>--generate-directory PATH [COUNT] [SEED]</c>: writes the CSV of COUNT (default 250,000) professionals.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: --generate-directory PATH [COUNT=250000] [SEED]");
            return 2;
        }

        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 250_000;
        var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : DefaultSeed;
        var batch = Generate(Reference.Geo, Nomenclatures.LoadEmbedded(), count, seed);
        using (var writer = new StreamWriter(args[0], false, new UTF8Encoding(false), 1 << 16))
        {
            WriteCsv(batch, writer);
        }

        Console.WriteLine($"{args[0]}: {batch.Professionals.Count:N0} professionals, {batch.Professionals.Sum(p => p.Practices.Count):N0} lines (places of practice), "
            + $"{batch.Structures.Count:N0} structures generated ({new FileInfo(args[0]).Length / 1_048_576.0:N1} MB, seed {seed}).");
        return 0;
    }

    /// <summary>RPPS number <paramref name="n"/>: 10 + an 8-digit permutation of n + the Luhn key (unique for n below 10^8).</summary>
    public static string RppsOf(long n)
    {
        var payload = "10" + (n * 7_919 % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return payload + LuhnKey(payload);
    }

    /// <summary>SIRET number <paramref name="n"/>: a 13-digit permutation of n + the Luhn key.</summary>
    public static string SiretOf(long n)
    {
        var payload = (((n * 104_729) + 123_456_789) % 10_000_000_000_000).ToString("D13", CultureInfo.InvariantCulture);
        return payload + LuhnKey(payload);
    }

    /// <summary>The digit that completes <paramref name="payload"/> into a number with a valid Luhn key.</summary>
    public static char LuhnKey(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt && (d *= 2) > 9)
            {
                d -= 9;
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static string ModeLetter(PracticeMode mode) => mode switch
    {
        PracticeMode.Salaried => "S",
        PracticeMode.Volunteer => "B",
        PracticeMode.Mixed => "M",
        _ => "L",
    };

    private static string KindLabel(StructureKind kind) => kind switch
    {
        StructureKind.Msp => "MSP",
        StructureKind.CentreSante => "centre de santé",
        StructureKind.Pharmacie => "pharmacie",
        StructureKind.Laboratoire => "laboratoire",
        StructureKind.Hopital => "hôpital",
        StructureKind.Clinique => "clinique",
        StructureKind.Ehpad => "EHPAD",
        StructureKind.Dac => "DAC",
        StructureKind.Pmi => "PMI",
        StructureKind.CollectiviteLocale => "collectivité locale",
        StructureKind.AssociationPatients => "association de patients",
        _ => "autre",
    };

    private static T Pick<T>(T[] items, int total, Random random, Func<T, int> weight)
    {
        var r = random.Next(total);
        foreach (var item in items)
        {
            if ((r -= weight(item)) < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static string Address(Random random) => $"{random.Next(1, 120)} {Streets[random.Next(Streets.Length)]}";

    private static string Phone(Random random) => string.Create(CultureInfo.InvariantCulture, $"0{random.Next(1, 6)} {random.Next(100):D2} {random.Next(100):D2} {random.Next(100):D2} {random.Next(100):D2}");

    private static string Ascii(string text)
    {
        var d = text.Normalize(NormalizationForm.FormD);
        var s = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (c < 128 && c != ' ' && c != '\'')
            {
                s.Append(c);
            }
        }

        return s.ToString();
    }

    /// <summary>Territory units (PLM arrondissements rather than their city) drawn in proportion to their legal population.</summary>
    private sealed class WeightedCommunes
    {
        private readonly GeoUnit[] units;
        private readonly long[] cumulative;

        public WeightedCommunes(GeoCatalog geo)
        {
            units = [.. geo.Units.Values.Where(u => u.IsTerritoryUnit && u.Population > 0 && geo.ArrondissementsOf(u.Code).Count == 0)
                .OrderBy(u => u.Code, StringComparer.Ordinal)];
            cumulative = new long[units.Length];
            long sum = 0;
            for (var i = 0; i < units.Length; i++)
            {
                cumulative[i] = sum += units[i].Population;
            }
        }

        public GeoUnit Pick(Random random)
        {
            var r = random.NextInt64(cumulative[^1]);
            var i = Array.BinarySearch(cumulative, r + 1);
            return units[i >= 0 ? i : ~i];
        }
    }
}
