using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle.Storage;

/// <summary>How the Lifecycle module is stored: the CPTS, their stages and their territories.</summary>
public sealed class LifecycleModel : IModuleModel
{
    private static readonly string[] LetterFields = ["Actors", "Context", "Needs", "Objectives", "Calendar", "Obstacles"];

    public void Configure(ModelBuilder b)
    {
        b.Entity<Cpts>(e =>
        {
            e.ToTable("lifecycle_cpts");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Rna).HasMaxLength(10);
            e.Property(c => c.Siret).HasMaxLength(14);
            e.Property(c => c.Finess).HasMaxLength(9);
            e.Property(c => c.ContactEmail).HasMaxLength(254);
            e.Property(c => c.ContactPhone).HasMaxLength(30);
            e.Property(c => c.Stage).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.TierRuleSet).HasMaxLength(64);
            e.Property(c => c.Departements).HasMaxLength(400);
            e.Property(c => c.Regions).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.Name).IsUnique();
            e.HasIndex(c => c.Rna).IsUnique();
            e.OwnsOne(c => c.Letter, l =>
            {
                foreach (var p in LetterFields)
                {
                    l.Property<string?>(p).HasColumnName("letter_" + p.ToLowerInvariant()).HasMaxLength(4000);
                }
            });
            e.HasMany(c => c.Transitions).WithOne().HasForeignKey(t => t.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(c => c.DepartementCodes);
            e.Ignore(c => c.RegionCodes);
        });
        b.Entity<StageTransition>(e =>
        {
            e.ToTable("lifecycle_stage_transitions");
            e.Property(t => t.Stage).HasConversion<string>().HasMaxLength(32);
            e.Property(t => t.RecordedBy).HasMaxLength(256);
        });
        b.Entity<TerritoryUnit>(e =>
        {
            e.ToTable("lifecycle_territory_units");
            e.HasKey(u => new { u.CptsId, u.Code });
            e.Property(u => u.Code).HasMaxLength(5);
            e.Property(u => u.OverrideReason).HasMaxLength(1000);
            e.Property(u => u.OverriddenBy).HasMaxLength(256);
            // One commune belongs to at most one CPTS unless an ARS officer recorded an override (domain-rules §1).
            e.HasIndex(u => u.Code).IsUnique().HasFilter("\"OverrideReason\" IS NULL").HasDatabaseName("ux_lifecycle_territory_units_code_exclusive");
            e.ReferencesCommune(u => u.Code);
            e.BelongsToCpts(u => u.CptsId);
        });
    }
}
