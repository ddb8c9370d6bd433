namespace Maillage.Territories.Published;

/// <summary>INSEE kinds of commune-level units (COG).</summary>
public enum GeoUnitType
{
    /// <summary>Commune actuelle: a territory unit.</summary>
    Commune,

    /// <summary>Commune déléguée: not a territory unit, part of its commune nouvelle.</summary>
    Delegated,

    /// <summary>Commune associée: not a territory unit.</summary>
    Associated,

    /// <summary>Arrondissement municipal of Paris, Lyon or Marseille: a territory unit.</summary>
    Arrondissement,
}

/// <summary>Zones of the COG; CPTS exist only in <see cref="Metro"/> and <see cref="Drom"/>.</summary>
public enum GeoZone
{
    Metro,
    Drom,
    Com,
}

/// <summary>A commune-level unit of the COG with its legal population.</summary>
public sealed record GeoUnit(
    string Code,
    GeoUnitType Type,
    string Name,
    string Departement,
    string Region,
    GeoZone Zone,
    string? Epci,
    string? Parent,
    int Population,
    IReadOnlyList<string> PostalCodes)
{
    /// <summary>Whether this unit can be part of a CPTS territory (domain-rules §1).</summary>
    public bool IsTerritoryUnit =>
        Type is GeoUnitType.Commune or GeoUnitType.Arrondissement && Zone != GeoZone.Com;
}

/// <summary>An EPCI (intercommunalité) and its member communes.</summary>
public sealed record GeoEpci(string Code, string Name, string Type, int Population, IReadOnlyList<string> Members);

/// <summary>A département.</summary>
public sealed record GeoDepartement(string Code, string Name, string Region, GeoZone Zone);

/// <summary>A région.</summary>
public sealed record GeoRegion(string Code, string Name, GeoZone Zone);
