using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled.Storage;

/// <summary>The tables of unscheduled care, for its own use cases only: other modules ask through its published interface.</summary>
public static class UnscheduledTables
{
    public static DbSet<SnpPlace> SnpPlaces(this MaillageDbContext db) => Of<SnpPlace>(db);

    public static DbSet<Effector> Effectors(this MaillageDbContext db) => Of<Effector>(db);

    public static DbSet<Registrar> Registrars(this MaillageDbContext db) => Of<Registrar>(db);

    public static DbSet<SlotPattern> SlotPatterns(this MaillageDbContext db) => Of<SlotPattern>(db);

    public static DbSet<Slot> Slots(this MaillageDbContext db) => Of<Slot>(db);

    public static DbSet<Booking> Bookings(this MaillageDbContext db) => Of<Booking>(db);

    public static DbSet<Sas.SasRegulator> SasRegulators(this MaillageDbContext db) => Of<Sas.SasRegulator>(db);

    public static DbSet<Sas.SasAppointment> SasAppointments(this MaillageDbContext db) => Of<Sas.SasAppointment>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
