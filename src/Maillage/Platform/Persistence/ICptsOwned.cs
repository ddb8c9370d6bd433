namespace Maillage.Platform.Persistence;

/// <summary>
/// A row that belongs to one CPTS: the unit of work confined to a CPTS (<see cref="MaillageDbContext.ConfinedTo"/>) sees only that CPTS's
/// rows of such a table, whoever wrote the query.
/// </summary>
public interface ICptsOwned
{
    Guid CptsId { get; }
}
