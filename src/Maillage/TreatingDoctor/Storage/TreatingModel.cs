using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor.Storage;

/// <summary>How the treating-doctor desk is stored: requests, volunteer doctors, proposals, assignment runs.</summary>
public sealed class TreatingModel : IModuleModel
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<TreatingRequest>(e =>
        {
            e.ToTable("treating_requests");
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Channels).HasMaxLength(80);
            e.Property(x => x.FiledById).HasMaxLength(64);
            e.Property(x => x.FiledBy).HasMaxLength(300);
            e.Property(x => x.FamilyName).HasMaxLength(100);
            e.Property(x => x.GivenName).HasMaxLength(100);
            e.Property(x => x.CommuneCode).HasMaxLength(5);
            e.Property(x => x.Phone).HasMaxLength(30);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Nir).HasMaxLength(15);
            e.Property(x => x.ConsentVersion).HasMaxLength(40);
            e.Property(x => x.Notes).HasMaxLength(8000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ClosingReason).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.CriteriaList);
            e.Ignore(x => x.Name);
            e.Ignore(x => x.Open);
            e.HasIndex(x => new { x.CptsId, x.Status });
            e.HasIndex(x => new { x.CptsId, x.BirthDate });
            e.HasIndex(x => x.Nir);
            e.HasIndex(x => x.FiledById);
            e.BelongsToCpts(x => x.CptsId);
        });
        b.Entity<TreatingVolunteer>(e =>
        {
            e.ToTable("treating_volunteers");
            e.Property(x => x.Rpps).HasMaxLength(11);
            e.Property(x => x.FamilyName).HasMaxLength(200);
            e.Property(x => x.GivenName).HasMaxLength(200);
            e.Property(x => x.CommuneCode).HasMaxLength(5);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Name);
            e.Ignore(x => x.AcceptsList);
            e.HasIndex(x => new { x.CptsId, x.MemberId }).IsUnique();
            e.BelongsToCpts(x => x.CptsId);
            e.ReferencesMember(x => x.MemberId);
        });
        b.Entity<TreatingRun>(e =>
        {
            e.ToTable("treating_runs");
            e.Property(x => x.ById).HasMaxLength(64);
            e.Property(x => x.ByName).HasMaxLength(256);
            e.Property(x => x.RuleSetId).HasMaxLength(40);
            e.HasIndex(x => new { x.CptsId, x.At });
            e.BelongsToCpts(x => x.CptsId);
        });
        b.Entity<TreatingProposal>(e =>
        {
            e.ToTable("treating_proposals");
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Explanation).HasMaxLength(1000);
            e.Property(x => x.RefusalReason).HasMaxLength(500);
            e.Property(x => x.AnswerTokenHash).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Live);
            // A request is held by one proposal at a time (a draft, one waiting for the doctor, or the accepted one): two coordinators
            // sending, or a run beside a manual proposal, cannot give the same patient to two doctors.
            e.HasIndex(x => x.RequestId).IsUnique().HasFilter("\"Status\" IN ('Draft', 'Sent', 'Accepted')")
                .HasDatabaseName("ux_treating_proposals_request_live");
            e.HasIndex(x => new { x.VolunteerId, x.Status });
            e.HasIndex(x => x.RunId);
            e.BelongsToCpts(x => x.CptsId);
            e.HasOne<TreatingRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<TreatingVolunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TreatingRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
