using Maillage.Association.Storage;
using Maillage.Platform.Indicators;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Association;

/// <summary>Meetings whose minutes were approved (the meeting closed) in the period.</summary>
public sealed class MeetingsHeldSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "meetings.held";

    public string Label => "Réunions de toutes les instances dont le compte rendu a été approuvé sur la période";

    public string Unit => "réunions";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await db.Meetings().CountAsync(m => m.CptsId == cptsId && m.Status == MeetingStatus.Closed
            && m.MinutesApprovedAt >= period.From && m.MinutesApprovedAt < period.To, ct);
    }
}

/// <summary>Working groups open at some time during the period.</summary>
public sealed class ActiveGroupsSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "groups.active";

    public string Label => "Groupes de travail ouverts au moins un jour de la période";

    public string Unit => "groupes";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await db.WorkingGroups().CountAsync(g => g.CptsId == cptsId && g.CreatedOn < period.End && (g.ClosedOn == null || g.ClosedOn >= period.Start), ct);
    }
}
