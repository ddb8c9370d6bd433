using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace Maillage.Platform.Time;

/// <summary>
/// One event as an iCalendar object (RFC 5545 / iTIP) at a CPTS's hour: METHOD REQUEST, or CANCEL with STATUS CANCELLED; the VTIMEZONE of
/// the CPTS's zone and start/end with its TZID, so a calendar in another zone still shows the right hour; DTSTAMP in UTC. What the event
/// says (UID, SEQUENCE, summary, organiser…) is the caller's.
/// </summary>
public static class Icalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The calendar of <paramref name="e"/>, serialized; its stamp and status are set here.</summary>
    public static string Write(string productId, bool cancelled, LocalClock clock, CalendarEvent e)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(e);
        var calendar = new Calendar { ProductId = productId, Method = cancelled ? "CANCEL" : "REQUEST" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(clock.ZoneId));
        e.DtStamp = new CalDateTime(clock.UtcNow.UtcDateTime, "UTC");
        e.Status = cancelled ? "CANCELLED" : "CONFIRMED";
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>An instant as the wall-clock time of the clock's zone, with its TZID.</summary>
    public static CalDateTime At(LocalClock clock, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(DateTime.SpecifyKind(clock.Local(instant).DateTime, DateTimeKind.Unspecified), clock.ZoneId);
    }
}
