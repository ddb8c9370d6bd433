using System.Globalization;
using Maillage.Platform.Errors;
using Maillage.Platform.Time;

namespace Maillage.Unscheduled;

/// <summary>Reading the words of forms, API and CLI into the module's values, each refusal in French naming its field.</summary>
public static class SnpInput
{
    public static Result<SlotKind> Kind(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "amb" or "in-person" or "cabinet" => Result<SlotKind>.Ok(SlotKind.InPerson),
        "hh" or "home-visit" or "domicile" => Result<SlotKind>.Ok(SlotKind.HomeVisit),
        "vr" or "teleconsultation" or "téléconsultation" => Result<SlotKind>.Ok(SlotKind.Teleconsultation),
        _ => new Error("invalid_kind", $"« {value} » n'est pas un type de consultation : au cabinet (AMB), à domicile (HH) ou téléconsultation (VR).", field),
    };

    public static Result<PlaceKind> PlaceKind(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "practice" or "cabinet" => Result<PlaceKind>.Ok(Unscheduled.PlaceKind.Practice),
        "msp" => Result<PlaceKind>.Ok(Unscheduled.PlaceKind.Msp),
        "snp-centre" or "centre" => Result<PlaceKind>.Ok(Unscheduled.PlaceKind.SnpCentre),
        _ => new Error("invalid_place_kind", $"« {value} » n'est pas un type de lieu : cabinet, maison de santé ou centre de soins non programmés.", field),
    };

    public static Result<BookingOrigin> Origin(string? value, string field, BookingOrigin? byDefault = null) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" when byDefault is { } d => Result<BookingOrigin>.Ok(d),
        null or "" or "platform" => Result<BookingOrigin>.Ok(BookingOrigin.Platform),
        "pharmacy" => Result<BookingOrigin>.Ok(BookingOrigin.Pharmacy),
        "nurse" => Result<BookingOrigin>.Ok(BookingOrigin.Nurse),
        "sas" => Result<BookingOrigin>.Ok(BookingOrigin.Sas),
        "emergency-department" => Result<BookingOrigin>.Ok(BookingOrigin.EmergencyDepartment),
        _ => new Error("invalid_origin", $"« {value} » n'est pas une origine : pharmacy, nurse, platform, sas ou emergency-department.", field),
    };

    public static Result<BookingOutcome> Outcome(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        "seen" => Result<BookingOutcome>.Ok(BookingOutcome.Seen),
        "no-show" or "noshow" => Result<BookingOutcome>.Ok(BookingOutcome.NoShow),
        "redirected" => Result<BookingOutcome>.Ok(BookingOutcome.Redirected),
        _ => new Error("invalid_outcome", "Dites ce qui s'est passé : patient vu (seen), non venu (no-show) ou réorienté (redirected).", field),
    };

    /// <summary>The audience from its words (<c>registrars</c>, <c>sas-snp</c>, <c>sas-cpts</c>, <c>sas-pro</c>, <c>sas-public</c>), comma-separated.</summary>
    public static Result<SlotAudience> Audience(IEnumerable<string?>? values, string field)
    {
        var audience = SlotAudience.None;
        foreach (var word in (values ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var one = word.ToLowerInvariant() switch
            {
                "registrars" => SlotAudience.Registrars,
                "sas-snp" or "snp" => SlotAudience.SasSnp,
                "sas-cpts" or "cpts" => SlotAudience.SasCpts,
                "sas-pro" or "pro" => SlotAudience.SasPro,
                "sas-public" or "public" => SlotAudience.SasPublic,
                _ => (SlotAudience?)null,
            };
            if (one is null)
            {
                return new Error("invalid_audience", $"« {word} » n'est pas une visibilité : registrars, sas-snp, sas-cpts, sas-pro ou sas-public.", field);
            }

            audience |= one.Value;
        }

        return SnpRules.CheckAudience(audience) is { } error ? error : Result<SlotAudience>.Ok(audience);
    }

    /// <summary>Weekdays from their numbers (1 = Monday … 7 = Sunday, as ISO 8601) into the pattern's bits.</summary>
    public static int Weekdays(IEnumerable<int>? isoDays) =>
        (isoDays ?? []).Where(d => d is >= 1 and <= 7).Aggregate(0, (bits, d) => bits | (1 << (d % 7)));

    /// <summary>« 08:30 » or « 8h30 ».</summary>
    public static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim().Replace('h', ':'), ["HH:mm", "H:mm", "HH:", "H:"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : null;
}

/// <summary>How a slot's time reads in French, at the CPTS's hour.</summary>
public static class SlotText
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« mardi 8 décembre 2026 à 08:30 ».</summary>
    public static string When(DateTimeOffset start, LocalClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var local = clock.Local(start);
        return local.ToString("dddd d MMMM yyyy", Fr) + " à " + local.ToString("HH':'mm", CultureInfo.InvariantCulture);
    }
}
