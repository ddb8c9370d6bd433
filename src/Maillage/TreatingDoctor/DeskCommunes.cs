using Maillage.Lifecycle.Published;
using Maillage.Territories.Published;

namespace Maillage.TreatingDoctor;

/// <summary>A commune a patient may choose: its INSEE code and name.</summary>
public sealed record CommuneChoice(string Code, string Name);

/// <summary>The communes of a CPTS's territory by name, for the forms (a patient knows their commune's name, not its INSEE code).</summary>
public sealed class DeskCommunes(CptsTerritories territories, GeoCatalog geo)
{
    public async Task<IReadOnlyList<CommuneChoice>> OfAsync(Guid cptsId, CancellationToken ct = default) =>
        [.. (await territories.CommunesAsync(cptsId, ct)).Select(c => new CommuneChoice(c, geo.Find(c)?.Name ?? c))
            .OrderBy(c => c.Name, StringComparer.Create(Maillage.Platform.French.Culture, ignoreCase: true))];

    /// <summary>A commune's name, or its code when the geography does not know it.</summary>
    public string NameOf(string code) => geo.Find(code)?.Name ?? code;
}
