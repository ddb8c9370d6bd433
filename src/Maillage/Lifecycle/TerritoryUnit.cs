namespace Maillage.Lifecycle;

/// <summary>A commune or arrondissement in a CPTS's territory.</summary>
public sealed class TerritoryUnit : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid CptsId { get; set; }

    public string Code { get; set; } = "";

    /// <summary>Set when an ARS officer let this unit be shared with another CPTS; null otherwise.</summary>
    public string? OverrideReason { get; set; }

    public string? OverriddenBy { get; set; }

    public DateTimeOffset? OverriddenAt { get; set; }
}
