namespace Maillage.Territories;

/// <summary>A commune or arrondissement in a CPTS's territory.</summary>
public sealed class TerritoryUnit
{
    public Guid CptsId { get; set; }

    public string Code { get; set; } = "";

    /// <summary>Set when an ARS officer let this unit be shared with another CPTS; null otherwise.</summary>
    public string? OverrideReason { get; set; }

    public string? OverriddenBy { get; set; }

    public DateTimeOffset? OverriddenAt { get; set; }
}

/// <summary>A commune-level unit as stored in the database (territory units only), for joins and integrity.</summary>
public sealed class GeoUnitRow
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsArrondissement { get; set; }

    public string Departement { get; set; } = "";

    public string Region { get; set; } = "";

    public string Zone { get; set; } = "";

    public string? Epci { get; set; }

    public string? Parent { get; set; }

    public int Population { get; set; }
}

/// <summary>Which geography vintage is loaded in the database.</summary>
public sealed class GeoVintageRow
{
    public string Vintage { get; set; } = "";

    public string Source { get; set; } = "";

    public int Units { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}
