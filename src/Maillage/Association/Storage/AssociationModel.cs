using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;

namespace Maillage.Association.Storage;

/// <summary>How the Association module is stored: bodies, mandates, working groups, referents, proposals, meetings and decisions.</summary>
public sealed class AssociationModel : IModuleModel
{
    public void Configure(ModelBuilder b)
    {
        ConfigureBodies(b);
        ConfigureMeetings(b);
    }

    private static void ConfigureBodies(ModelBuilder b)
    {
        b.Entity<Body>(e =>
        {
            e.ToTable("association_bodies");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Kind }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
        });
        b.Entity<Mandate>(e =>
        {
            e.ToTable("association_mandates");
            e.Property(x => x.Office).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.EndReason).HasMaxLength(500);
            e.HasIndex(x => new { x.CptsId, x.MemberId });
            e.HasIndex(x => new { x.BodyId, x.From });
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            e.ReferencesMember(x => x.MemberId);
        });
        b.Entity<WorkingGroup>(e =>
        {
            e.ToTable("association_working_groups");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Name }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
            e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkingGroupParticipant>(e =>
        {
            e.ToTable("association_working_group_participants");
            e.HasIndex(x => new { x.WorkingGroupId, x.MemberId }).IsUnique();
            e.ReferencesMember(x => x.MemberId);
        });
        b.Entity<Referent>(e =>
        {
            e.ToTable("association_referents", t => t.HasCheckConstraint("CK_association_referents_profession_or_group",
                "(\"ProfessionCode\" IS NULL) <> (\"WorkingGroupId\" IS NULL)"));
            e.Property(x => x.ProfessionCode).HasMaxLength(10);
            e.HasIndex(x => new { x.CptsId, x.ProfessionCode });
            e.HasIndex(x => x.WorkingGroupId);
            e.BelongsToCpts(x => x.CptsId);
            e.ReferencesMember(x => x.MemberId);
            e.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Proposal>(e =>
        {
            e.ToTable("association_proposals");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(5000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CptsId, x.Status });
            e.BelongsToCpts(x => x.CptsId);
            e.ReferencesMember(x => x.MemberId);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProposalStep>(e =>
        {
            e.ToTable("association_proposal_steps");
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
            e.ToTable("association_meetings");
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
            e.ToTable("association_agenda_items");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Details).HasMaxLength(2000);
            e.HasIndex(x => new { x.MeetingId, x.Position });
        });
        b.Entity<Attendance>(e =>
        {
            e.ToTable("association_attendances");
            e.Property(x => x.Presence).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.MeetingId, x.MemberId }).IsUnique();
            e.ReferencesMember(x => x.MemberId);
        });
        b.Entity<Motion>(e =>
        {
            e.ToTable("association_motions");
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.Majority).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.MeetingId, x.Position });
            e.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Decision>(e =>
        {
            e.ToTable("association_decisions");
            e.Property(x => x.Number).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.CptsId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.CptsId, x.Year, x.Sequence }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
