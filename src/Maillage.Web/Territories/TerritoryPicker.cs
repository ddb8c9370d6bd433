namespace Maillage.Web.Territories;

/// <summary>What the territory picker starts with: the units already chosen and whether an override can be recorded.</summary>
public sealed record TerritoryPicker(IReadOnlyList<(string Code, string Name, int Population)> Selected, bool CanOverride, string? OverrideReason);
