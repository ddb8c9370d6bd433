using Maillage.Platform.Time;

namespace Maillage.Territories.Published;

/// <summary>
/// The legal time of a territory, by its départements: each DROM has its own zone (Guadeloupe and Martinique UTC−4, Guyane UTC−3, La Réunion
/// and Mayotte UTC+4 and UTC+3, none with summer time), metropolitan France and Corsica are in Europe/Paris (UTC+1, UTC+2 in summer). The
/// collectivités d'outre-mer are listed too, though no CPTS covers them today.
/// </summary>
public static class TimeZones
{
    private static readonly Dictionary<string, string> Overseas = new(StringComparer.Ordinal)
    {
        ["971"] = "America/Guadeloupe",
        ["972"] = "America/Martinique",
        ["973"] = "America/Cayenne",
        ["974"] = "Indian/Reunion",
        ["975"] = "America/Miquelon",
        ["976"] = "Indian/Mayotte",
        ["977"] = "America/St_Barthelemy",
        ["978"] = "America/Marigot",
    };

    private static readonly Dictionary<string, TimeZoneInfo> Zones = Overseas.Values.Distinct()
        .ToDictionary(id => id, TimeZoneInfo.FindSystemTimeZoneById, StringComparer.Ordinal);

    /// <summary>The zone of a département (INSEE code, e.g. <c>974</c>); Europe/Paris for the others.</summary>
    public static TimeZoneInfo OfDepartement(string departement) =>
        Overseas.TryGetValue(departement, out var id) ? Zones[id] : LocalClock.Paris;

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Europe/Paris"] = "heure de Paris",
        ["America/Guadeloupe"] = "heure de la Guadeloupe",
        ["America/Martinique"] = "heure de la Martinique",
        ["America/Cayenne"] = "heure de la Guyane",
        ["Indian/Reunion"] = "heure de La Réunion",
        ["America/Miquelon"] = "heure de Saint-Pierre-et-Miquelon",
        ["Indian/Mayotte"] = "heure de Mayotte",
        ["America/St_Barthelemy"] = "heure de Saint-Barthélemy",
        ["America/Marigot"] = "heure de Saint-Martin",
    };

    /// <summary>« heure de La Réunion »: how a page or a message says which local time it shows.</summary>
    public static string Label(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Labels.GetValueOrDefault(zone.Id, "heure locale");
    }

    /// <summary>The zone of a territory: that of its first overseas département, else Europe/Paris (a territory never spans two zones).</summary>
    public static TimeZoneInfo Of(IEnumerable<string> departements) =>
        departements.Select(OfDepartement).FirstOrDefault(z => z != LocalClock.Paris) ?? LocalClock.Paris;
}
