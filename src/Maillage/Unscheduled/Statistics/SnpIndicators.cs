using Maillage.Platform.Indicators;
using Maillage.Platform.Persistence;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled.Statistics;

/// <summary>The figures of unscheduled care a contract indicator of the access-to-care mission may take: counts over the period, by slot start.</summary>
internal static class SnpIndicatorQueries
{
    /// <summary>Every SAS slot type of TRE_R314 (the audience's bits other than the CPTS's own registrars).</summary>
    public const int SasBits = (int)(SlotAudience.SasSnp | SlotAudience.SasCpts | SlotAudience.SasPro | SlotAudience.SasPublic);

    public static IQueryable<Slot> Offered(MaillageDbContext db, Guid cptsId, IndicatorPeriod period) =>
        db.Slots().AsNoTracking().Where(s => s.CptsId == cptsId && s.WithdrawnAt == null && s.Start >= period.From && s.Start < period.To);

    public static IQueryable<Booking> Consultations(MaillageDbContext db, Guid cptsId, IndicatorPeriod period) =>
        from b in db.Bookings().AsNoTracking()
        join s in Offered(db, cptsId, period) on b.SlotId equals s.Id
        where b.CancelledAt == null && (b.Outcome == BookingOutcome.Seen || b.Outcome == BookingOutcome.Redirected)
        select b;
}

/// <summary>Unscheduled consultations that took place (patient seen, or seen and redirected) in slots of the period.</summary>
public sealed class SnpConsultationsSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "snp.consultations";

    public string Label => "Consultations de soins non programmés honorées (patient vu ou réorienté)";

    public string Unit => "consultations";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await SnpIndicatorQueries.Consultations(db, cptsId, period).CountAsync(ct);
    }
}

/// <summary>Unscheduled consultations of patients the SAS referred, that took place in slots of the period.</summary>
public sealed class SnpSasConsultationsSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "snp.sas-consultations";

    public string Label => "Consultations de soins non programmés adressées par le SAS et honorées";

    public string Unit => "consultations";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await SnpIndicatorQueries.Consultations(db, cptsId, period).CountAsync(b => b.Origin == BookingOrigin.Sas, ct);
    }
}

/// <summary>Hours of unscheduled-care slots offered (not withdrawn) that start in the period.</summary>
public sealed class SnpOfferedHoursSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "snp.offered-hours";

    public string Label => "Heures de créneaux de soins non programmés ouvertes";

    public string Unit => "heures";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var slots = await SnpIndicatorQueries.Offered(db, cptsId, period).Select(s => new { s.Start, s.End }).ToListAsync(ct);
        return decimal.Round((decimal)slots.Sum(s => (s.End - s.Start).TotalMinutes) / 60m, 2);
    }
}

/// <summary>Slots offered to the national SAS (any TRE_R314 type) that start in the period.</summary>
public sealed class SnpSasSlotsSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "snp.sas-slots";

    public string Label => "Créneaux de soins non programmés proposés au SAS";

    public string Unit => "créneaux";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await SnpIndicatorQueries.Offered(db, cptsId, period).CountAsync(s => ((int)s.Audience & SnpIndicatorQueries.SasBits) != 0, ct);
    }
}
