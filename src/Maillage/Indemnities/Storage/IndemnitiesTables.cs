using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Indemnities.Storage;

/// <summary>
/// The tables of the Indemnities module (barèmes, declarations, batches, notes), for its own use cases only: other modules ask through its published interface
/// (the architecture test keeps it so).
/// </summary>
public static class IndemnitiesTables
{
    public static DbSet<Scale> Scales(this MaillageDbContext db) => Of<Scale>(db);

    public static DbSet<ScaleRate> ScaleRates(this MaillageDbContext db) => Of<ScaleRate>(db);

    public static DbSet<TimeDeclaration> TimeDeclarations(this MaillageDbContext db) => Of<TimeDeclaration>(db);

    public static DbSet<PaymentBatch> PaymentBatches(this MaillageDbContext db) => Of<PaymentBatch>(db);

    public static DbSet<ProfessionNote> ProfessionNotes(this MaillageDbContext db) => Of<ProfessionNote>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
