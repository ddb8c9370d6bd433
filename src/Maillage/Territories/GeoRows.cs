namespace Maillage.Territories;

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
