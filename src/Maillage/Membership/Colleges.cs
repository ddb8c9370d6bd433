namespace Maillage.Membership;

/// <summary>
/// A college of the statutes (domain-rules §5: e.g. « Professionnels libéraux », « Structures », « Usagers »): the list is the
/// CPTS's own; a member's <see cref="Member.College"/> names one of them once the CPTS has defined any.
/// </summary>
public sealed class College : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>Unique in the CPTS, at most 100 characters.</summary>
    public string Name { get; set; } = "";

    /// <summary>Who sits in it, as the statutes say (optional).</summary>
    public string? Description { get; set; }

    /// <summary>Display order.</summary>
    public int Position { get; set; }
}
