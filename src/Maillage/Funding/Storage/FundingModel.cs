using Maillage.Funding.Contracts;
using Maillage.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Funding.Storage;

/// <summary>How the Funding module is stored: tables prefixed <c>funding_</c>.</summary>
public static class FundingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AciContract>(e =>
        {
            e.ToTable("funding_contracts");
            e.Property(c => c.RuleSetId).HasMaxLength(64);
            e.Property(c => c.ArsSignatory).HasMaxLength(200);
            e.Property(c => c.CpamSignatory).HasMaxLength(200);
            e.Property(c => c.Missions).HasMaxLength(200);
            e.Property(c => c.Summary).HasMaxLength(4000);
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.CptsId).IsUnique();
            e.HasOne<Cpts>().WithMany().HasForeignKey(c => c.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Amendments).WithOne().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(c => c.MissionIds);
            e.Ignore(c => c.LastDay);
        });
        b.Entity<AciAmendment>(e =>
        {
            e.ToTable("funding_amendments");
            e.Property(a => a.AddedMissions).HasMaxLength(200);
            e.Property(a => a.RemovedMissions).HasMaxLength(200);
            e.Property(a => a.TierReason).HasMaxLength(1000);
            e.Property(a => a.Summary).HasMaxLength(4000);
            e.Property(a => a.RecordedBy).HasMaxLength(256);
            e.HasIndex(a => new { a.ContractId, a.Number }).IsUnique();
            e.Ignore(a => a.Added);
            e.Ignore(a => a.Removed);
        });
    }
}
