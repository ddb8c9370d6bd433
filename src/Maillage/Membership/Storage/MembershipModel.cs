using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Campaigns;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;

namespace Maillage.Membership.Storage;

/// <summary>How the Membership module is stored: adhérents, their statuses and dues, colleges, recruitment campaigns.</summary>
public sealed class MembershipModel : IModuleModel
{
    public void Configure(ModelBuilder b)
    {
        ConfigureMembers(b);
        ConfigureCampaigns(b);
    }

    private static void ConfigureMembers(ModelBuilder b)
    {
        b.Entity<Member>(e =>
        {
            e.ToTable("membership_members", t => t.HasCheckConstraint("CK_membership_members_person_or_structure",
                "(\"ProfessionalId\" IS NULL) <> (\"StructureId\" IS NULL)"));
            e.Property(m => m.College).HasMaxLength(100);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.Ignore(m => m.Current);
            e.Ignore(m => m.Status);
            e.Ignore(m => m.IsMember);
            e.HasIndex(m => new { m.CptsId, m.ProfessionalId }).IsUnique();
            e.HasIndex(m => new { m.CptsId, m.StructureId }).IsUnique();
            e.BelongsToCpts(m => m.CptsId);
            e.ReferencesProfessional(m => m.ProfessionalId, DeleteBehavior.Restrict);
            e.ReferencesStructure(m => m.StructureId, DeleteBehavior.Restrict);
            e.HasMany(m => m.Periods).WithOne().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Dues).WithOne().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MembershipPeriod>(e =>
        {
            e.ToTable("membership_periods");
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.By).HasMaxLength(256);
            e.Property(p => p.Reason).HasMaxLength(500);
            e.HasIndex(p => new { p.MemberId, p.From });
        });
        b.Entity<Dues>(e =>
        {
            e.ToTable("membership_dues");
            e.Property(d => d.Amount).HasPrecision(10, 2);
            e.Property(d => d.ReceiptNumber).HasMaxLength(32);
            e.HasIndex(d => new { d.MemberId, d.Year }).IsUnique();
            e.HasIndex(d => new { d.CptsId, d.ReceiptNumber }).IsUnique();
        });
        b.Entity<College>(e =>
        {
            e.ToTable("membership_colleges");
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.Description).HasMaxLength(500);
            e.HasIndex(c => new { c.CptsId, c.Name }).IsUnique();
            e.BelongsToCpts(c => c.CptsId);
        });
    }

    private static void ConfigureCampaigns(ModelBuilder b)
    {
        b.Entity<Campaign>(e =>
        {
            e.ToTable("membership_campaigns");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Subject).HasMaxLength(200);
            e.Property(c => c.Body).HasMaxLength(20_000);
            e.Property(c => c.SegmentProfession).HasMaxLength(10);
            e.Property(c => c.SegmentCommune).HasMaxLength(5);
            e.Property(c => c.SegmentMembership).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.CreatedBy).HasMaxLength(256);
            e.Property(c => c.SentBy).HasMaxLength(256);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.CptsId, c.CreatedAt });
            e.BelongsToCpts(c => c.CptsId);
        });
        b.Entity<CampaignMessage>(e =>
        {
            e.ToTable("membership_campaign_messages");
            e.Property(m => m.Email).HasMaxLength(254);
            e.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Error).HasMaxLength(500);
            e.HasIndex(m => new { m.CampaignId, m.Email }).IsUnique();
            e.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.ReferencesProfessional(m => m.ProfessionalId, DeleteBehavior.SetNull);
        });
        b.Entity<Unsubscription>(e =>
        {
            e.ToTable("membership_unsubscriptions");
            e.Property(u => u.Email).HasMaxLength(254);
            e.HasIndex(u => new { u.CptsId, u.Email }).IsUnique();
            e.BelongsToCpts(u => u.CptsId);
        });
    }
}
