using Maillage.Territories;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Community.Storage;

/// <summary>How the Community module is stored: tables prefixed <c>community_</c>.</summary>
public static class CommunityModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Professional>(e =>
        {
            e.ToTable("community_professionals");
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
            e.ToTable("community_practices");
            e.Property(p => p.CommuneCode).HasMaxLength(5);
            e.Property(p => p.Address).HasMaxLength(300);
            e.Property(p => p.ExternalId).HasMaxLength(100);
            e.HasIndex(p => p.CommuneCode);
            e.HasOne<GeoUnitRow>().WithMany().HasForeignKey(p => p.CommuneCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Structure>(e =>
        {
            e.ToTable("community_structures");
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
            e.HasOne<GeoUnitRow>().WithMany().HasForeignKey(s => s.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Member>(e =>
        {
            e.ToTable("community_members", t => t.HasCheckConstraint("CK_community_members_person_or_structure",
                "(\"ProfessionalId\" IS NULL) <> (\"StructureId\" IS NULL)"));
            e.Property(m => m.College).HasMaxLength(100);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.Ignore(m => m.Current);
            e.Ignore(m => m.Status);
            e.Ignore(m => m.IsMember);
            e.HasIndex(m => new { m.CptsId, m.ProfessionalId }).IsUnique();
            e.HasIndex(m => new { m.CptsId, m.StructureId }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(m => m.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Professional>().WithMany().HasForeignKey(m => m.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Structure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.Periods).WithOne().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Dues).WithOne().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MembershipPeriod>(e =>
        {
            e.ToTable("community_membership_periods");
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.By).HasMaxLength(256);
            e.Property(p => p.Reason).HasMaxLength(500);
            e.HasIndex(p => new { p.MemberId, p.From });
        });
        b.Entity<Dues>(e =>
        {
            e.ToTable("community_dues");
            e.Property(d => d.Amount).HasPrecision(10, 2);
            e.Property(d => d.ReceiptNumber).HasMaxLength(32);
            e.HasIndex(d => new { d.MemberId, d.Year }).IsUnique();
            e.HasIndex(d => new { d.CptsId, d.ReceiptNumber }).IsUnique();
        });
    }
}
