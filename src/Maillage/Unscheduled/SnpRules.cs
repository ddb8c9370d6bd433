using System.Globalization;
using Fr = Maillage.Platform.French;
using Maillage.Platform.Errors;
using Maillage.Platform.Time;

namespace Maillage.Unscheduled;

/// <summary>A slot a pattern would open: its local day and hour, and its interval in UTC.</summary>
public sealed record PlannedSlot(DateOnly Day, TimeOnly LocalStart, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The rules of unscheduled care that are not storage: lengths, horizons, reasons, the expansion of a weekly pattern, labels.</summary>
public static class SnpRules
{
    /// <summary>How far ahead a pattern's slots are opened (and kept opened by the daily roll-forward).</summary>
    public const int HorizonDays = 28;

    /// <summary>The window a registrar's search covers by default: the next 48 hours (the SAS asks for slots within 48 h).</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(48);

    public const int MinSlotMinutes = 5;

    public const int MaxSlotMinutes = 120;

    /// <summary>Reason categories of a booking (what the registrar picks; the details stay between the patient and the effector).</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Reasons =
    [
        ("fever", "Fièvre, infection"),
        ("pain", "Douleur"),
        ("injury", "Traumatisme léger, plaie"),
        ("respiratory", "Symptômes respiratoires"),
        ("digestive", "Troubles digestifs"),
        ("skin", "Problème de peau"),
        ("urinary", "Troubles urinaires"),
        ("prescription", "Renouvellement d'ordonnance urgent"),
        ("child", "Enfant malade"),
        ("other", "Autre motif"),
    ];

    public static string ReasonLabel(string code) => Reasons.FirstOrDefault(r => r.Code == code).Label ?? code;

    /// <summary>
    /// The slots a pattern opens between two local days (both included): on its weekdays, inside its validity, outside its exceptions,
    /// every <see cref="SlotPattern.SlotMinutes"/> from its start time while a whole slot fits before its end time. Hours are local to the
    /// CPTS: a slot keeps its local hour across a change of clocks (08:00 stays 08:00), a slot whose hour does not exist that day (clocks
    /// going forward) is not opened, and an hour that happens twice (clocks going back) is opened once, in winter time.
    /// </summary>
    public static IReadOnlyList<PlannedSlot> Expand(SlotPattern pattern, DateOnly from, DateOnly to, LocalClock clock)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(clock);
        var first = from > pattern.ValidFrom ? from : pattern.ValidFrom;
        var last = pattern.ValidTo is { } end && end < to ? end : to;
        var slots = new List<PlannedSlot>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!pattern.On(day.DayOfWeek) || pattern.Absences.Any(e => e.From <= day && day <= e.To))
            {
                continue;
            }

            var length = TimeSpan.FromMinutes(pattern.SlotMinutes);
            for (var t = pattern.StartTime.ToTimeSpan(); t + length <= pattern.EndTime.ToTimeSpan(); t += length)
            {
                var local = day.ToDateTime(TimeOnly.FromTimeSpan(t));
                if (clock.IsSkipped(local))
                {
                    continue;
                }

                var start = clock.At(local);
                slots.Add(new PlannedSlot(day, TimeOnly.FromTimeSpan(t), start, start + length));
            }
        }

        return slots;
    }

    /// <summary>The checks of a pattern's fields that need nothing stored: weekdays, hours, length, dates, audience.</summary>
    public static List<Error> Check(int weekdays, TimeOnly? start, TimeOnly? end, int? minutes, DateOnly? validFrom, DateOnly? validTo,
        SlotAudience audience, DateOnly today)
    {
        var errors = new List<Error>();
        if (weekdays is <= 0 or >= 1 << 7)
        {
            errors.Add(new Error("weekdays_required", "Cochez au moins un jour de la semaine.", "weekdays"));
        }

        if (start is null)
        {
            errors.Add(new Error("start_required", "Indiquez l'heure de début (par exemple 08:00).", "startTime"));
        }

        if (end is null)
        {
            errors.Add(new Error("end_required", "Indiquez l'heure de fin (par exemple 12:00).", "endTime"));
        }

        if (CheckLength(minutes, "slotMinutes") is { } length)
        {
            errors.Add(length);
        }
        else if (start is { } s && end is { } e && (e <= s || (e - s).TotalMinutes < minutes!.Value))
        {
            errors.Add(new Error("end_before_start", $"La fin doit venir au moins {minutes} minutes après le début ({Hour(s)}).", "endTime"));
        }

        if (validFrom is null)
        {
            errors.Add(new Error("valid_from_required", "Indiquez à partir de quel jour ces créneaux s'ouvrent.", "validFrom"));
        }
        else if (validFrom < today)
        {
            errors.Add(new Error("valid_from_past", $"Le premier jour ne peut pas être passé (nous sommes le {Fr.Date(today)}).", "validFrom"));
        }

        if (validTo is { } until && validFrom is { } since && until < since)
        {
            errors.Add(new Error("valid_to_before_from", $"Le dernier jour doit venir après le premier ({Fr.Date(since)}).", "validTo"));
        }

        if (CheckAudience(audience) is { } audienceError)
        {
            errors.Add(audienceError);
        }

        return errors;
    }

    public static Error? CheckLength(int? minutes, string field) => minutes is null or < MinSlotMinutes or > MaxSlotMinutes
        ? new Error("invalid_length", $"La durée d'un créneau va de {MinSlotMinutes} à {MaxSlotMinutes} minutes.", field)
        : null;

    public static Error? CheckAudience(SlotAudience audience) => audience == SlotAudience.None
        ? new Error("audience_required", "Choisissez qui peut réserver : les régulateurs de la CPTS, le SAS, ou les deux.", "audience")
        : (audience & ~(SlotAudience.Registrars | SlotAudience.SasSnp | SlotAudience.SasCpts | SlotAudience.SasPro | SlotAudience.SasPublic)) != 0
            ? new Error("invalid_audience", "Cette visibilité n'existe pas.", "audience")
            : null;

    /// <summary>« 08:30 ».</summary>
    public static string Hour(TimeOnly time) => time.ToString("HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>The SAS guide's serviceType code of a kind (v3-ActCode).</summary>
    public static string ActCode(this SlotKind kind) => kind switch
    {
        SlotKind.HomeVisit => "HH",
        SlotKind.Teleconsultation => "VR",
        _ => "AMB",
    };

    public static string French(this SlotKind kind) => kind switch
    {
        SlotKind.HomeVisit => "Visite à domicile",
        SlotKind.Teleconsultation => "Téléconsultation",
        _ => "Consultation au cabinet",
    };

    public static string French(this PlaceKind kind) => kind switch
    {
        PlaceKind.Msp => "Maison de santé",
        PlaceKind.SnpCentre => "Centre de soins non programmés",
        _ => "Cabinet",
    };

    public static string French(this BookingOrigin origin) => origin switch
    {
        BookingOrigin.Pharmacy => "Pharmacie",
        BookingOrigin.Nurse => "Infirmier ou infirmière",
        BookingOrigin.Sas => "SAS (régulation)",
        BookingOrigin.EmergencyDepartment => "Service des urgences",
        _ => "Plateforme de la CPTS",
    };

    public static string French(this BookingOutcome outcome) => outcome switch
    {
        BookingOutcome.NoShow => "Patient non venu",
        BookingOutcome.Redirected => "Réorienté",
        _ => "Patient vu",
    };

    /// <summary>« Régulateurs de la CPTS, SAS (SNP) ».</summary>
    public static string French(this SlotAudience audience)
    {
        var parts = new List<string>();
        if (audience.HasFlag(SlotAudience.Registrars))
        {
            parts.Add("Régulateurs de la CPTS");
        }

        if (audience.HasFlag(SlotAudience.SasSnp))
        {
            parts.Add("SAS (SNP)");
        }

        if (audience.HasFlag(SlotAudience.SasCpts))
        {
            parts.Add("SAS (CPTS)");
        }

        if (audience.HasFlag(SlotAudience.SasPro))
        {
            parts.Add("SAS (professionnels)");
        }

        if (audience.HasFlag(SlotAudience.SasPublic))
        {
            parts.Add("SAS (public)");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Whether the national SAS sees the slot.</summary>
    public static bool ToSas(this SlotAudience audience) => (audience & ~SlotAudience.Registrars) != SlotAudience.None;
}
