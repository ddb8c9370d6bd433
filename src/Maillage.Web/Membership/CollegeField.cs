namespace Maillage.Web.Membership;

/// <summary>The college field of a form: a list to choose from once the CPTS has colleges, free text before.</summary>
public sealed record CollegeField(IReadOnlyList<string> Colleges, string? Current);
