using Maillage.Community.Association;
using Maillage.Community.Campaigns;
using Maillage.Community.Indemnities;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Community.Storage;

/// <summary>How colleges, campaigns, the association's life and indemnities are stored: tables prefixed <c>community_</c>.</summary>
public static class AssociationModel
{
    public static void Configure(ModelBuilder b)
    {
        ConfigureMembership(b);
        ConfigureBodies(b);
        ConfigureMeetings(b);
        ConfigureIndemnities(b);
    }

    private static void ConfigureMembership(ModelBuilder b)
    {
        b.Entity<College>(e =>
        {
            e.ToTable("community_colleges");
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.Description).HasMaxLength(500);
            e.HasIndex(c => new { c.CptsId, c.Name }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(c => c.CptsId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Campaign>(e =>
        {
            e.ToTable("community_campaigns");
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
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(c => c.CptsId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CampaignMessage>(e =>
        {
            e.ToTable("community_campaign_messages");
            e.Property(m => m.Email).HasMaxLength(254);
            e.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Error).HasMaxLength(500);
            e.HasIndex(m => new { m.CampaignId, m.Email }).IsUnique();
            e.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Professional>().WithMany().HasForeignKey(m => m.ProfessionalId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Unsubscription>(e =>
        {
            e.ToTable("community_unsubscriptions");
            e.Property(u => u.Email).HasMaxLength(254);
            e.HasIndex(u => new { u.CptsId, u.Email }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(u => u.CptsId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void ConfigureBodies(ModelBuilder b)
    {
        b.Entity<Body>(e =>
        {
            e.ToTable("community_bodies");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Kind }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Mandate>(e =>
        {
            e.ToTable("community_mandates");
            e.Property(x => x.Office).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.EndReason).HasMaxLength(500);
            e.HasIndex(x => new { x.CptsId, x.MemberId });
            e.HasIndex(x => new { x.BodyId, x.From });
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<WorkingGroup>(e =>
        {
            e.ToTable("community_working_groups");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Name }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkingGroupParticipant>(e =>
        {
            e.ToTable("community_working_group_participants");
            e.HasIndex(x => new { x.WorkingGroupId, x.MemberId }).IsUnique();
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Referent>(e =>
        {
            e.ToTable("community_referents", t => t.HasCheckConstraint("CK_community_referents_profession_or_group",
                "(\"ProfessionCode\" IS NULL) <> (\"WorkingGroupId\" IS NULL)"));
            e.Property(x => x.ProfessionCode).HasMaxLength(10);
            e.HasIndex(x => new { x.CptsId, x.ProfessionCode });
            e.HasIndex(x => x.WorkingGroupId);
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Proposal>(e =>
        {
            e.ToTable("community_proposals");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(5000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Status });
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProposalStep>(e =>
        {
            e.ToTable("community_proposal_steps");
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => new { x.ProposalId, x.At });
        });
    }

    private static void ConfigureMeetings(ModelBuilder b)
    {
        b.Entity<Meeting>(e =>
        {
            e.ToTable("community_meetings");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Location).HasMaxLength(300);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ConvenedBy).HasMaxLength(256);
            e.Property(x => x.Minutes).HasMaxLength(50_000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.StartsAt });
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Attendances).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Motions).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AgendaItem>(e =>
        {
            e.ToTable("community_agenda_items");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Details).HasMaxLength(2000);
            e.HasIndex(x => new { x.MeetingId, x.Position });
        });
        b.Entity<Attendance>(e =>
        {
            e.ToTable("community_attendances");
            e.Property(x => x.Presence).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.MeetingId, x.MemberId }).IsUnique();
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Motion>(e =>
        {
            e.ToTable("community_motions");
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.Majority).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.MeetingId, x.Position });
            e.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Decision>(e =>
        {
            e.ToTable("community_decisions");
            e.Property(x => x.Number).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.CptsId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.CptsId, x.Year, x.Sequence }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureIndemnities(ModelBuilder b)
    {
        b.Entity<Scale>(e =>
        {
            e.ToTable("community_scales");
            e.Property(x => x.Reference).HasMaxLength(300);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.CptsId, x.EffectiveFrom }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Rates).WithOne().HasForeignKey(r => r.ScaleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ScaleRate>(e =>
        {
            e.ToTable("community_scale_rates");
            e.Property(x => x.Activity).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ProfessionCode).HasMaxLength(10);
            e.Property(x => x.HourlyRate).HasPrecision(10, 2);
            e.HasIndex(x => new { x.ScaleId, x.Activity, x.ProfessionCode }).IsUnique();
        });
        b.Entity<TimeDeclaration>(e =>
        {
            e.ToTable("community_time_declarations");
            e.Property(x => x.Activity).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Hours).HasPrecision(5, 2);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.DeclaredBy).HasMaxLength(256);
            e.Property(x => x.ReviewedBy).HasMaxLength(256);
            e.Property(x => x.RejectionReason).HasMaxLength(500);
            e.Property(x => x.HourlyRate).HasPrecision(10, 2);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Status });
            e.HasIndex(x => new { x.MemberId, x.MissionDate });
            e.HasIndex(x => x.PaymentBatchId);
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Scale>().WithMany().HasForeignKey(x => x.ScaleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PaymentBatch>().WithMany().HasForeignKey(x => x.PaymentBatchId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PaymentBatch>(e =>
        {
            e.ToTable("community_payment_batches");
            e.Property(x => x.Number).HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.PaidBy).HasMaxLength(256);
            e.Property(x => x.Total).HasPrecision(12, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.CptsId, x.Year, x.Sequence }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProfessionNote>(e =>
        {
            e.ToTable("community_profession_notes");
            e.Property(x => x.ProfessionCode).HasMaxLength(10);
            e.Property(x => x.Text).HasMaxLength(10_000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.ProfessionCode }).IsUnique();
            e.HasOne<Lifecycle.Cpts>().WithMany().HasForeignKey(x => x.CptsId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
