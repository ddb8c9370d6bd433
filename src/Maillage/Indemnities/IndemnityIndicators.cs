using Maillage.Indemnities.Storage;
using Maillage.Platform.Indicators;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Indemnities;

/// <summary>Hours declared and validated (or paid) whose mission falls in the period.</summary>
public sealed class DeclaredHoursSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "indemnities.hours";

    public string Label => "Heures déclarées puis validées ou payées, pour les missions tenues sur la période";

    public string Unit => "heures";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return (await db.TimeDeclarations().Where(d => d.CptsId == cptsId && (d.Status == DeclarationStatus.Validated || d.Status == DeclarationStatus.Paid)
            && d.MissionDate >= period.Start && d.MissionDate < period.End).Select(d => d.Hours).ToListAsync(ct)).Sum();
    }
}
