using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;

namespace Maillage.Directory.Storage;

/// <summary>How the Directory module is stored: professionals, their places of practice and structures.</summary>
public sealed class DirectoryModel : IModuleModel
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Professional>(e =>
        {
            e.ToTable("directory_professionals");
            e.Property(p => p.Rpps).HasMaxLength(11);
            e.HasIndex(p => p.Rpps).IsUnique();
            e.Property(p => p.LastName).HasMaxLength(100);
            e.Property(p => p.FirstName).HasMaxLength(100);
            e.Property(p => p.ProfessionCode).HasMaxLength(10);
            e.Property(p => p.SpecialtyCode).HasMaxLength(20);
            e.Property(p => p.PracticeMode).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.MssanteAddress).HasMaxLength(254);
            e.Property(p => p.WorkEmail).HasMaxLength(254);
            e.Property(p => p.WorkPhone).HasMaxLength(30);
            e.Property(p => p.Source).HasMaxLength(16);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.ProfessionCode, p.LastName });
            e.HasMany(p => p.Practices).WithOne().HasForeignKey(p => p.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Practice>(e =>
        {
            e.ToTable("directory_practices");
            e.Property(p => p.CommuneCode).HasMaxLength(5);
            e.Property(p => p.Address).HasMaxLength(300);
            e.Property(p => p.ExternalId).HasMaxLength(100);
            e.HasIndex(p => p.CommuneCode);
            e.ReferencesCommune(p => p.CommuneCode);
            e.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Structure>(e =>
        {
            e.ToTable("directory_structures");
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Finess).HasMaxLength(9);
            e.Property(s => s.Siret).HasMaxLength(14);
            e.Property(s => s.CommuneCode).HasMaxLength(5);
            e.Property(s => s.Address).HasMaxLength(300);
            e.Property(s => s.Phone).HasMaxLength(30);
            e.Property(s => s.Email).HasMaxLength(254);
            e.Property(s => s.ExternalId).HasMaxLength(100);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => s.Finess).IsUnique();
            e.HasIndex(s => s.Siret).IsUnique();
            e.HasIndex(s => s.CommuneCode);
            e.ReferencesCommune(s => s.CommuneCode);
        });
    }
}
