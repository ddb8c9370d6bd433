using Maillage.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Territories.Storage;

/// <summary>How the Territories module is stored: tables prefixed <c>terr_</c>.</summary>
public static class TerritoriesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<GeoUnitRow>(e =>
        {
            e.ToTable("terr_geo_units");
            e.HasKey(g => g.Code);
            e.Property(g => g.Code).HasMaxLength(5);
            e.Property(g => g.Name).HasMaxLength(100);
            e.Property(g => g.Departement).HasMaxLength(3);
            e.Property(g => g.Region).HasMaxLength(3);
            e.Property(g => g.Zone).HasMaxLength(5);
            e.Property(g => g.Epci).HasMaxLength(9);
            e.Property(g => g.Parent).HasMaxLength(5);
            e.HasIndex(g => g.Departement);
        });
        b.Entity<GeoVintageRow>(e =>
        {
            e.ToTable("terr_geo_vintages");
            e.HasKey(v => v.Vintage);
            e.Property(v => v.Vintage).HasMaxLength(20);
            e.Property(v => v.Source).HasMaxLength(100);
        });
        b.Entity<TerritoryUnit>(e =>
        {
            e.ToTable("terr_cpts_units");
            e.HasKey(u => new { u.CptsId, u.Code });
            e.Property(u => u.Code).HasMaxLength(5);
            e.Property(u => u.OverrideReason).HasMaxLength(1000);
            e.Property(u => u.OverriddenBy).HasMaxLength(256);
            // One commune belongs to at most one CPTS unless an ARS officer recorded an override (domain-rules §1).
            e.HasIndex(u => u.Code).IsUnique().HasFilter("\"OverrideReason\" IS NULL").HasDatabaseName("ux_terr_cpts_units_code_exclusive");
            e.HasOne<GeoUnitRow>().WithMany().HasForeignKey(u => u.Code).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cpts>().WithMany().HasForeignKey(u => u.CptsId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
