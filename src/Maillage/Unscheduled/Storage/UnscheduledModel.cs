using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled.Storage;

/// <summary>How unscheduled care is stored: places, effectors, registrars, weekly patterns and their exceptions, slots and bookings.</summary>
public sealed class UnscheduledModel : IModuleModel
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<SnpPlace>(e =>
        {
            e.ToTable("unscheduled_places");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.CommuneCode).HasMaxLength(5);
            e.Property(x => x.Phone).HasMaxLength(30);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Name }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
        });
        b.Entity<Effector>(e =>
        {
            e.ToTable("unscheduled_effectors");
            e.Property(x => x.Rpps).HasMaxLength(11);
            e.Property(x => x.FamilyName).HasMaxLength(200);
            e.Property(x => x.GivenName).HasMaxLength(200);
            e.Property(x => x.ProfessionCode).HasMaxLength(10);
            e.Property(x => x.SpecialtyCode).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Name);
            e.HasIndex(x => new { x.CptsId, x.MemberId }).IsUnique();
            e.HasIndex(x => x.Rpps);
            e.BelongsToCpts(x => x.CptsId);
            e.ReferencesMember(x => x.MemberId);
        });
        b.Entity<Registrar>(e =>
        {
            e.ToTable("unscheduled_registrars");
            e.Property(x => x.Origin).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(x => new { x.CptsId, x.MemberId }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
            e.ReferencesMember(x => x.MemberId);
        });
        b.Entity<SlotPattern>(e =>
        {
            e.ToTable("unscheduled_patterns");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Audience).HasConversion<int>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.EffectorId);
            e.BelongsToCpts(x => x.CptsId);
            e.HasOne<Effector>().WithMany().HasForeignKey(x => x.EffectorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SnpPlace>().WithMany().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Absences).WithOne().HasForeignKey(x => x.PatternId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PatternAbsence>(e =>
        {
            e.ToTable("unscheduled_pattern_absences");
            e.Property(x => x.Reason).HasMaxLength(200);
        });
        b.Entity<Slot>(e =>
        {
            e.ToTable("unscheduled_slots");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Audience).HasConversion<int>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Start });
            e.HasIndex(x => x.PatternId);
            // One offered slot per effector and start: two saves of a pattern (or the roll-forward beside a save) never open it twice.
            e.HasIndex(x => new { x.EffectorId, x.Start }).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL")
                .HasDatabaseName("ux_unscheduled_slots_effector_start_offered");
            e.BelongsToCpts(x => x.CptsId);
            e.HasOne<Effector>().WithMany().HasForeignKey(x => x.EffectorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SnpPlace>().WithMany().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SlotPattern>().WithMany().HasForeignKey(x => x.PatternId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Sas.SasRegulator>(e =>
        {
            e.ToTable("unscheduled_sas_regulators");
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.NationalId).HasMaxLength(64);
            e.Property(x => x.TechnicalId).HasMaxLength(64);
            e.Property(x => x.FamilyName).HasMaxLength(100);
            e.Property(x => x.GivenName).HasMaxLength(100);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            // One account per id, whichever the SAS addresses it by: two concurrent creations of the same regulator cannot both land.
            e.HasIndex(x => x.NationalId).IsUnique().HasFilter("\"NationalId\" IS NOT NULL");
            e.HasIndex(x => x.TechnicalId).IsUnique().HasFilter("\"TechnicalId\" IS NOT NULL");
            e.HasIndex(x => x.UserId).IsUnique();
        });
        b.Entity<Sas.SasAppointment>(e =>
        {
            e.ToTable("unscheduled_sas_appointments");
            e.Property(x => x.OperatorType).HasMaxLength(8);
            e.Property(x => x.OperatorSystem).HasMaxLength(64);
            e.Property(x => x.OperatorValue).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.SasLocation).HasMaxLength(500);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.BookingId).IsUnique();
            e.HasIndex(x => x.NextAttemptAt);
            e.BelongsToCpts(x => x.CptsId);
            e.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Sas.SasRegulator>().WithMany().HasForeignKey(x => x.RegulatorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Booking>(e =>
        {
            e.ToTable("unscheduled_bookings");
            e.Property(x => x.PatientFamilyName).HasMaxLength(100);
            e.Property(x => x.PatientGivenName).HasMaxLength(100);
            e.Property(x => x.PatientPhone).HasMaxLength(30);
            e.Property(x => x.PatientEmail).HasMaxLength(256);
            e.Property(x => x.PatientNir).HasMaxLength(15);
            e.Property(x => x.Reason).HasMaxLength(20);
            e.Property(x => x.Origin).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.BookedById).HasMaxLength(64);
            e.Property(x => x.BookedBy).HasMaxLength(256);
            e.Property(x => x.CancelledBy).HasMaxLength(256);
            e.Property(x => x.CancelReason).HasMaxLength(300);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RedirectedTo).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Live);
            // A slot is booked once: among live bookings, one per slot, enforced by the database so that two registrars racing for it
            // cannot both win, whatever the code above does.
            e.HasIndex(x => x.SlotId).IsUnique().HasFilter("\"CancelledAt\" IS NULL").HasDatabaseName("ux_unscheduled_bookings_slot_live");
            e.HasIndex(x => new { x.CptsId, x.BookedAt });
            e.HasIndex(x => x.BookedById);
            e.HasOne<Sas.SasRegulator>().WithMany().HasForeignKey(x => x.RegulatorId).OnDelete(DeleteBehavior.Restrict);
            e.BelongsToCpts(x => x.CptsId);
            e.HasOne<Slot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
