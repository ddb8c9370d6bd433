using System.Text.Json;

namespace Maillage.Directory.Published;

/// <summary>
/// The national nomenclatures the directory speaks (data/rules/nomenclatures.json): professions (TRE_G15),
/// specialties (TRE_R38) and practice modes (TRE_R23), code to French label.
/// </summary>
public sealed class Nomenclatures
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private Nomenclatures(File file)
    {
        Source = file.Source;
        Professions = file.Professions;
        Specialties = file.Specialties;
        PracticeModes = file.PracticeModes;
    }

    public string Source { get; }

    public IReadOnlyDictionary<string, string> Professions { get; }

    public IReadOnlyDictionary<string, string> Specialties { get; }

    public IReadOnlyDictionary<string, string> PracticeModes { get; }

    public string ProfessionLabel(string code) => Professions.GetValueOrDefault(code, code);

    public string? SpecialtyLabel(string? code) => code is null ? null : Specialties.GetValueOrDefault(code, code);

    public static Nomenclatures LoadEmbedded()
    {
        using var stream = typeof(Nomenclatures).Assembly.GetManifestResourceStream("rules/nomenclatures.json")
            ?? throw new InvalidDataException("rules/nomenclatures.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, JsonOptions) ?? throw new InvalidDataException("nomenclatures.json is empty.");
        if (file.Professions.Count == 0 || file.PracticeModes.Count == 0)
        {
            throw new InvalidDataException("nomenclatures.json must list professions and practice modes.");
        }

        return new Nomenclatures(file);
    }

    private sealed record File(string Source, Dictionary<string, string> Professions, Dictionary<string, string> Specialties, Dictionary<string, string> PracticeModes);
}
