using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;

namespace Maillage.Indemnities.Storage;

/// <summary>How the Indemnities module is stored: barèmes, time declarations, payment batches and notes per profession.</summary>
public sealed class IndemnitiesModel : IModuleModel
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Scale>(e =>
        {
            e.ToTable("indemnities_scales");
            e.Property(x => x.Reference).HasMaxLength(300);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.CptsId, x.EffectiveFrom }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
            e.HasMany(x => x.Rates).WithOne().HasForeignKey(r => r.ScaleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ScaleRate>(e =>
        {
            e.ToTable("indemnities_scale_rates");
            e.Property(x => x.Activity).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ProfessionCode).HasMaxLength(10);
            e.Property(x => x.HourlyRate).HasPrecision(10, 2);
            e.HasIndex(x => new { x.ScaleId, x.Activity, x.ProfessionCode }).IsUnique();
        });
        b.Entity<TimeDeclaration>(e =>
        {
            e.ToTable("indemnities_time_declarations");
            e.Property(x => x.Activity).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Hours).HasPrecision(5, 2);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.DeclaredBy).HasMaxLength(256);
            e.Property(x => x.ReviewedBy).HasMaxLength(256);
            e.Property(x => x.RejectionReason).HasMaxLength(500);
            e.Property(x => x.HourlyRate).HasPrecision(10, 2);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Status });
            e.HasIndex(x => new { x.MemberId, x.MissionDate });
            e.HasIndex(x => x.PaymentBatchId);
            e.BelongsToCpts(x => x.CptsId);
            e.ReferencesMember(x => x.MemberId);
            e.HasOne<Scale>().WithMany().HasForeignKey(x => x.ScaleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PaymentBatch>().WithMany().HasForeignKey(x => x.PaymentBatchId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PaymentBatch>(e =>
        {
            e.ToTable("indemnities_payment_batches");
            e.Property(x => x.Number).HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.PaidBy).HasMaxLength(256);
            e.Property(x => x.Total).HasPrecision(12, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.CptsId, x.Year, x.Sequence }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
        });
        b.Entity<ProfessionNote>(e =>
        {
            e.ToTable("indemnities_profession_notes");
            e.Property(x => x.ProfessionCode).HasMaxLength(10);
            e.Property(x => x.Text).HasMaxLength(10_000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.ProfessionCode }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
        });
    }
}
