using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Territories.Storage;

/// <summary>How the Territories module is stored: the reference geography, tables prefixed <c>terr_geo_</c>.</summary>
public sealed class TerritoriesModel : IModuleModel
{
    public void Configure(ModelBuilder b)
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
    }
}
