using Microsoft.EntityFrameworkCore;

namespace Maillage.Lifecycle.Storage;

/// <summary>How the Lifecycle module is stored: tables prefixed <c>lifecycle_</c>.</summary>
public static class LifecycleModel
{
    private static readonly string[] LetterFields = ["Actors", "Context", "Needs", "Objectives", "Calendar", "Obstacles"];

    public static void Configure(ModelBuilder b)
    {
        b.Entity<Cpts>(e =>
        {
            e.ToTable("lifecycle_cpts");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Rna).HasMaxLength(10);
            e.Property(c => c.Siret).HasMaxLength(14);
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
    }
}
