using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
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
            e.Property(c => c.Number).HasDefaultValue(1);
            e.HasIndex(c => new { c.CptsId, c.Number }).IsUnique();
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
        ConfigureIndicators(b);
    }

    private static void ConfigureIndicators(ModelBuilder b)
    {
        b.Entity<ContractIndicator>(e =>
        {
            e.ToTable("funding_indicators");
            e.Property(i => i.Mission).HasMaxLength(32);
            e.Property(i => i.Name).HasMaxLength(300);
            e.Property(i => i.Unit).HasMaxLength(50);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Weight).HasPrecision(5, 4);
            e.Property(i => i.RecordedBy).HasMaxLength(256);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.ContractId, i.Mission });
            e.HasOne<AciContract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndicatorTarget>(e =>
        {
            e.ToTable("funding_indicator_targets");
            e.Property(t => t.Target).HasPrecision(18, 4);
            e.HasIndex(t => new { t.IndicatorId, t.Year }).IsUnique();
        });
        b.Entity<IndicatorValue>(e =>
        {
            e.ToTable("funding_indicator_values");
            e.Property(v => v.Achieved).HasPrecision(18, 4);
            e.Property(v => v.Justification).HasMaxLength(4000);
            e.Property(v => v.RecordedBy).HasMaxLength(256);
            e.HasIndex(v => new { v.IndicatorId, v.Year }).IsUnique();
        });
    }
}
