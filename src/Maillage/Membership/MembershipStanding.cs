using Maillage.Directory.Published;
using Maillage.Membership.Published;
using Maillage.Membership.Storage;
using Maillage.Platform.Persistence;

namespace Maillage.Membership;

/// <summary>The professionals' standing with a CPTS, for the directory's membership filter: the current status of their adhérent record.</summary>
public sealed class MembershipStanding(MaillageDbContext db) : IMembershipStanding
{
    public IQueryable<Guid> Professionals(Guid cptsId, string? standing)
    {
        var members = db.Members().Where(m => m.CptsId == cptsId).CurrentStatuses();
        if (standing is null)
        {
            return members.Select(m => m.ProfessionalId);
        }

        MembershipStatus?[] statuses = standing switch
        {
            "member" => [MembershipStatus.Member, MembershipStatus.Active],
            "active" => [MembershipStatus.Active],
            "prospect" => [MembershipStatus.Prospect],
            _ => [MembershipStatus.Former],
        };
        return members.Where(m => statuses.Contains(m.Status)).Select(m => m.ProfessionalId);
    }
}
