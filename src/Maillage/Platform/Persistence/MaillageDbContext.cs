using Maillage.Platform.Audit;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Maillage.Platform.Persistence;

/// <summary>The one unit of work of the platform; each module maps its own tables (prefixed by module).</summary>
public sealed class MaillageDbContext(DbContextOptions<MaillageDbContext> options) : IdentityDbContext<MaillageUser>(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// The CPTS this unit of work is confined to, once <c>Tenancy</c> resolved it: every CPTS-owned table (<see cref="ICptsOwned"/>) then
    /// answers for this CPTS only, so a child row of another CPTS is simply not found. Null (the platform's national work, the command line
    /// before a CPTS is named) leaves them whole; <see cref="CptsConfinement.EveryCpts"/> reads past it where a rule needs every CPTS (overlaps, national coverage).
    /// </summary>
    public Guid? ConfinedTo { get; private set; }

    /// <summary>Confines the unit of work to a CPTS (see <see cref="ConfinedTo"/>); a later resolution of another CPTS moves it there.</summary>
    public void ConfineTo(Guid cptsId) => ConfinedTo = cptsId;

    /// <summary>The lowest CPTS id the filter lets through: the CPTS confined to, else the lowest id there is.</summary>
    public Guid ConfinedFrom => ConfinedTo ?? Guid.Empty;

    /// <summary>The highest CPTS id the filter lets through: the CPTS confined to, else the highest id there is.</summary>
    public Guid ConfinedUpTo => ConfinedTo ?? Guid.AllBitsSet;

    /// <summary>The name of the query filter that confines CPTS-owned tables.</summary>
    public const string CptsFilter = "cpts";

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var module in ModuleModels.All)
        {
            module.Configure(builder);
        }

        ConfineCptsOwnedTables(builder);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Child rows without a CPTS of their own (status periods, agenda items…) are reached through their confined parent.
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

    private void ConfineCptsOwnedTables(ModelBuilder builder)
    {
        // A range, not « ConfinedTo == null || CptsId == ConfinedTo »: SQLite cannot use the CptsId index for « @p OR CptsId = @c » and
        // scans the whole table (bench/README.md, finding 7), while « CptsId BETWEEN @from AND @to » is an index search when confined.
        var context = Expression.Constant(this);
        var from = Expression.Property(context, nameof(ConfinedFrom));
        var upTo = Expression.Property(context, nameof(ConfinedUpTo));
        var compare = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;
        var zero = Expression.Constant(0);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ICptsOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned()).ToList())
        {
            var row = Expression.Parameter(type.ClrType, "row");
            var cpts = Expression.Property(row, nameof(ICptsOwned.CptsId));
            var filter = Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(cpts, compare, from), zero),
                Expression.LessThanOrEqual(Expression.Call(cpts, compare, upTo), zero));
            builder.Entity(type.ClrType).HasQueryFilter(CptsFilter, Expression.Lambda(filter, row));
        }
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
    /// <summary>A save that touches credentials tells <see cref="CredentialChanges"/> once it is done, so that cached principals drop.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }

        var credentials = CredentialChanges.Touched(ChangeTracker);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            if (credentials)
            {
                CredentialChanges.Bump();
            }
        }
    }
}

/// <summary>How the platform's own records are stored: accounts, tokens, the audit trail.</summary>
internal sealed class PlatformModel : IModuleModel
{
    public void Configure(ModelBuilder b)
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
