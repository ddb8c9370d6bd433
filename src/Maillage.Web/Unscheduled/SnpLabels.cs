using Maillage.Unscheduled;

namespace Maillage.Web.Unscheduled;

/// <summary>The words of the API and forms for the module's values (<c>registrars</c>, <c>sas-snp</c>…, <c>pharmacy</c>…).</summary>
public static class SnpLabels
{
    public static IReadOnlyList<string> AudienceWords(SlotAudience a) =>
    [
        .. new[] { (SlotAudience.Registrars, "registrars"), (SlotAudience.SasSnp, "sas-snp"), (SlotAudience.SasCpts, "sas-cpts"), (SlotAudience.SasPro, "sas-pro"),
            (SlotAudience.SasPublic, "sas-public") }.Where(x => a.HasFlag(x.Item1)).Select(x => x.Item2),
    ];

    public static string Word(BookingOrigin o) => o switch
    {
        BookingOrigin.Pharmacy => "pharmacy",
        BookingOrigin.Nurse => "nurse",
        BookingOrigin.Sas => "sas",
        BookingOrigin.EmergencyDepartment => "emergency-department",
        _ => "platform",
    };

    public static IReadOnlyList<BookingOrigin> Origins { get; } = [BookingOrigin.Pharmacy, BookingOrigin.Nurse, BookingOrigin.Platform, BookingOrigin.Sas, BookingOrigin.EmergencyDepartment];
}
