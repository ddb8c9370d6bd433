using Maillage.Community;
using Maillage.Community.Association;
using Maillage.Community.Campaigns;
using Maillage.Community.Indemnities;
using Maillage.Lifecycle;
using Maillage.Platform.Audit;
using Maillage.Platform.Identity;
using Maillage.Territories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Maillage.Platform.Persistence;

/// <summary>The one unit of work of the platform; each module maps its own tables (prefixed by module).</summary>
public sealed class MaillageDbContext(DbContextOptions<MaillageDbContext> options) : IdentityDbContext<MaillageUser>(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Cpts> Cpts => Set<Cpts>();

    public DbSet<StageTransition> StageTransitions => Set<StageTransition>();

    public DbSet<TerritoryUnit> TerritoryUnits => Set<TerritoryUnit>();

    public DbSet<GeoUnitRow> GeoUnits => Set<GeoUnitRow>();

    public DbSet<GeoVintageRow> GeoVintages => Set<GeoVintageRow>();

    public DbSet<Professional> Professionals => Set<Professional>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<Structure> Structures => Set<Structure>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<MembershipPeriod> MembershipPeriods => Set<MembershipPeriod>();

    public DbSet<Dues> Dues => Set<Dues>();

    public DbSet<College> Colleges => Set<College>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignMessage> CampaignMessages => Set<CampaignMessage>();

    public DbSet<Unsubscription> Unsubscriptions => Set<Unsubscription>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Mandate> Mandates => Set<Mandate>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    public DbSet<WorkingGroupParticipant> WorkingGroupParticipants => Set<WorkingGroupParticipant>();

    public DbSet<Referent> Referents => Set<Referent>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<ProposalStep> ProposalSteps => Set<ProposalStep>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<Motion> Motions => Set<Motion>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Scale> Scales => Set<Scale>();

    public DbSet<ScaleRate> ScaleRates => Set<ScaleRate>();

    public DbSet<TimeDeclaration> TimeDeclarations => Set<TimeDeclaration>();

    public DbSet<PaymentBatch> PaymentBatches => Set<PaymentBatch>();

    public DbSet<ProfessionNote> ProfessionNotes => Set<ProfessionNote>();

    public DbSet<Funding.Contracts.AciContract> AciContracts => Set<Funding.Contracts.AciContract>();

    public DbSet<Funding.Contracts.AciAmendment> AciAmendments => Set<Funding.Contracts.AciAmendment>();

    public DbSet<Funding.Indicators.ContractIndicator> ContractIndicators => Set<Funding.Indicators.ContractIndicator>();

    public DbSet<Funding.Indicators.IndicatorTarget> IndicatorTargets => Set<Funding.Indicators.IndicatorTarget>();

    public DbSet<Funding.Indicators.IndicatorValue> IndicatorValues => Set<Funding.Indicators.IndicatorValue>();

    public DbSet<Funding.Indicators.IndicatorAdjustment> IndicatorAdjustments => Set<Funding.Indicators.IndicatorAdjustment>();

    public DbSet<Funding.Contracts.ContractCrisis> ContractCrises => Set<Funding.Contracts.ContractCrisis>();

    public DbSet<Funding.Reviews.AnnualReview> AnnualReviews => Set<Funding.Reviews.AnnualReview>();

    public DbSet<Funding.Reviews.ReviewMission> ReviewMissions => Set<Funding.Reviews.ReviewMission>();

    public DbSet<Funding.Reviews.ReviewAction> ReviewActions => Set<Funding.Reviews.ReviewAction>();

    public DbSet<Funding.Payments.FundingPayment> FundingPayments => Set<Funding.Payments.FundingPayment>();

    public DbSet<Funding.Budget.BudgetLine> BudgetLines => Set<Funding.Budget.BudgetLine>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PlatformModel.Configure(builder);
        Lifecycle.Storage.LifecycleModel.Configure(builder);
        Territories.Storage.TerritoriesModel.Configure(builder);
        Community.Storage.CommunityModel.Configure(builder);
        Community.Storage.AssociationModel.Configure(builder);
        Funding.Storage.FundingModel.Configure(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset server-side: store UTC instants as a sortable integer.
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>Increments the version of every modified CPTS, professional, structure or member, so a concurrent stale save fails.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal static class PlatformModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<MaillageUser>(e =>
        {
            e.ToTable("platform_users");
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.ScopeRegion).HasMaxLength(3);
            e.Property(u => u.ScopeDepartement).HasMaxLength(3);
            e.HasIndex(u => u.CptsId);
            e.HasIndex(u => u.MemberId);
        });
        b.Entity<IdentityRole>().ToTable("platform_roles");
        b.Entity<IdentityUserRole<string>>().ToTable("platform_user_roles");
        b.Entity<IdentityUserClaim<string>>().ToTable("platform_user_claims");
        b.Entity<IdentityUserLogin<string>>().ToTable("platform_user_logins");
        b.Entity<IdentityUserToken<string>>().ToTable("platform_user_tokens");
        b.Entity<IdentityRoleClaim<string>>().ToTable("platform_role_claims");
        b.Entity<ApiToken>(e =>
        {
            e.ToTable("platform_api_tokens");
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<MaillageUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("platform_audit");
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.ActorName).HasMaxLength(256);
            e.HasIndex(a => new { a.CptsId, a.At });
        });
    }
}
