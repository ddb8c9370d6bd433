using Maillage.Funding.Budget;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Payments;
using Maillage.Funding.Reviews;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Published;

namespace Maillage.Funding.Storage;

/// <summary>How the Funding module is stored: tables prefixed <c>funding_</c>.</summary>
public sealed class FundingModel : IModuleModel
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<AciContract>(e =>
        {
            e.ToTable("funding_contracts");
            e.Property(c => c.RuleSetId).HasMaxLength(64);
            e.Property(c => c.ArsSignatory).HasMaxLength(200);
            e.Property(c => c.CpamSignatory).HasMaxLength(200);
            e.Property(c => c.ArsRegion).HasMaxLength(3);
            e.Property(c => c.CpamDepartement).HasMaxLength(3);
            e.Property(c => c.Missions).HasMaxLength(200);
            e.Property(c => c.Summary).HasMaxLength(4000);
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.Number).HasDefaultValue(1);
            e.Property(c => c.FixedAdvanceShare).HasPrecision(5, 4).HasDefaultValue(AciContract.DefaultFixedAdvanceShare).HasSentinel(-1m);
            e.Property(c => c.VariableRule).HasConversion<string>().HasMaxLength(16).HasDefaultValue(VariableRule.Proportional);
            e.Property(c => c.VariableFloor).HasPrecision(5, 4);
            e.Property(c => c.BalanceMonths).HasDefaultValue(AciContract.DefaultBalanceMonths).HasSentinel(-1);
            e.HasIndex(c => new { c.CptsId, c.Number }).IsUnique();
            e.BelongsToCpts(c => c.CptsId);
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
        b.Entity<ContractCrisis>(e =>
        {
            e.ToTable("funding_crises");
            e.Property(c => c.Description).HasMaxLength(1000);
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.HasIndex(c => new { c.ContractId, c.Year }).IsUnique();
            e.HasOne<AciContract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        });
        ConfigureIndicators(b);
        ConfigureReviews(b);
        b.Entity<FundingPayment>(e =>
        {
            e.ToTable("funding_payments");
            e.Property(p => p.Line).HasMaxLength(32);
            e.Property(p => p.Part).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Amount).HasPrecision(18, 2);
            e.Property(p => p.Reference).HasMaxLength(100);
            e.Property(p => p.RecordedBy).HasMaxLength(256);
            e.HasIndex(p => new { p.ContractId, p.Year, p.Line, p.Part }).IsUnique();
            e.HasOne<AciContract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BudgetLine>(e =>
        {
            e.ToTable("funding_budget_lines");
            e.Property(l => l.Direction).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.Source).HasConversion<string>().HasMaxLength(24);
            e.Property(l => l.Category).HasConversion<string>().HasMaxLength(24);
            e.Property(l => l.Mission).HasMaxLength(32);
            e.Property(l => l.ActionSheet).HasMaxLength(200);
            e.Property(l => l.Label).HasMaxLength(300);
            e.Property(l => l.Planned).HasPrecision(18, 2);
            e.Property(l => l.Actual).HasPrecision(18, 2);
            e.Property(l => l.Note).HasMaxLength(2000);
            e.Property(l => l.RecordedBy).HasMaxLength(256);
            e.Property(l => l.Version).IsConcurrencyToken();
            e.Ignore(l => l.FundsCare);
            e.HasIndex(l => new { l.CptsId, l.Year });
            e.BelongsToCpts(l => l.CptsId);
        });
    }

    private static void ConfigureReviews(ModelBuilder b)
    {
        b.Entity<AnnualReview>(e =>
        {
            e.ToTable("funding_reviews");
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Participants).HasMaxLength(2000);
            e.Property(r => r.Outcome).HasMaxLength(4000);
            e.Property(r => r.DecidedBy).HasMaxLength(256);
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.ContractId, r.Year }).IsUnique();
            e.HasOne<AciContract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Missions).WithOne().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReviewMission>(e =>
        {
            e.ToTable("funding_review_missions");
            e.Property(m => m.Mission).HasMaxLength(32);
            e.Property(m => m.DecidedFixed).HasPrecision(18, 2);
            e.Property(m => m.DecidedVariable).HasPrecision(18, 2);
            e.Property(m => m.Comment).HasMaxLength(2000);
            e.HasIndex(m => new { m.ReviewId, m.Mission }).IsUnique();
        });
        b.Entity<ReviewAction>(e =>
        {
            e.ToTable("funding_review_actions");
            e.Property(a => a.Mission).HasMaxLength(32);
            e.Property(a => a.Title).HasMaxLength(300);
            e.Property(a => a.Description).HasMaxLength(4000);
            e.Property(a => a.RecordedBy).HasMaxLength(256);
            e.HasIndex(a => a.ReviewId);
        });
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
            e.Property(i => i.SourceKey).HasMaxLength(64);
            e.Property(i => i.ObsoleteReason).HasMaxLength(1000);
            e.Property(i => i.ObsoleteBy).HasMaxLength(256);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.ContractId, i.Mission });
            e.HasOne<AciContract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Adjustments).WithOne().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndicatorAdjustment>(e =>
        {
            e.ToTable("funding_indicator_adjustments");
            e.Property(a => a.PreviousTarget).HasPrecision(18, 4);
            e.Property(a => a.NewTarget).HasPrecision(18, 4);
            e.Property(a => a.Reason).HasMaxLength(2000);
            e.Property(a => a.AgreedBy).HasMaxLength(300);
            e.Property(a => a.RecordedBy).HasMaxLength(256);
            e.HasIndex(a => new { a.IndicatorId, a.Year });
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
            e.Property(v => v.Evidence).HasMaxLength(1000);
            e.Property(v => v.RecordedBy).HasMaxLength(256);
            e.HasIndex(v => new { v.IndicatorId, v.Year }).IsUnique();
        });
    }
}
