using Maillage.Lifecycle;
using Maillage.Web.Territories;
using Maillage.Territories.Published;

namespace Maillage.Web.Lifecycle;

/// <summary>The identity and territory fields posted by the CPTS forms.</summary>
public sealed class CptsForm
{
    public string? Name { get; set; }

    public string? Rna { get; set; }

    public string? Siret { get; set; }

    public string? Finess { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public List<string> Territory { get; set; } = [];

    public string? OverrideReason { get; set; }

    public int? Version { get; set; }

    public CptsInput ToInput(bool withTerritory) =>
        new(Name, Rna, Siret, ContactEmail, ContactPhone, withTerritory ? Territory : null, OverrideReason, Version) { Finess = Finess };

    public static CptsForm From(Cpts c) => new()
    {
        Name = c.Name, Rna = c.Rna, Siret = c.Siret, Finess = c.Finess, ContactEmail = c.ContactEmail, ContactPhone = c.ContactPhone, Version = c.Version,
    };

    /// <summary>The départements of the communes in the form, for the map beside the picker.</summary>
    public IReadOnlyList<string> Departements(GeoCatalog geo) =>
        [.. Territory.Distinct().Select(geo.Find).OfType<GeoUnit>().Select(u => u.Departement).Distinct()];

    public TerritoryPicker Picker(GeoCatalog geo, bool canOverride) =>
        new([.. Territory.Distinct().Select(geo.Find).OfType<GeoUnit>().Select(u => (u.Code, u.Name, u.Population))], canOverride, OverrideReason);
}
