using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Time;

namespace Maillage.Association;

/// <summary>
/// The invitation to a meeting as an iCalendar object (RFC 5545 / iTIP): METHOD:REQUEST, or CANCEL once cancelled; a UID stable
/// for the meeting (<c>&lt;meeting id&gt;@maillage</c>) and SEQUENCE = <see cref="Meeting.Sequence"/> so calendars replace the
/// earlier version; start and end in the CPTS's local time with its TZID and VTIMEZONE (Europe/Paris, Indian/Reunion…), so a
/// calendar in another zone still shows the right hour; DTSTAMP in UTC; the agenda in the description; the CPTS as organiser (its contact address, or when it has none
/// an undeliverable <c>cpts-&lt;id&gt;@maillage.invalid</c>, as iTIP requires an address) — no personal address.
/// </summary>
public static class IcalendarInvitation
{
    public const string ContentType = Icalendar.ContentType;

    public static string Uid(Guid meetingId) => meetingId.ToString("D", CultureInfo.InvariantCulture) + "@maillage";

    public static string Write(Meeting meeting, BodyKind body, CptsInfo cpts, LocalClock clock)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(cpts);
        ArgumentNullException.ThrowIfNull(clock);
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        return Icalendar.Write("-//Maillage//Reunions//FR", cancelled, clock, new CalendarEvent
        {
            Uid = Uid(meeting.Id),
            Sequence = meeting.Sequence,
            DtStart = Icalendar.At(clock, meeting.StartsAt),
            DtEnd = Icalendar.At(clock, meeting.EndsAt),
            Summary = $"{MeetingLabels.Label(body, meeting.Extraordinary)} — {meeting.Title}",
            Location = meeting.Location,
            Description = Description(meeting, body, cpts.Name),
            Organizer = new Organizer { Value = Organizer(cpts.Id, cpts.ContactEmail), CommonName = cpts.Name },
        });
    }

    private static string Description(Meeting meeting, BodyKind body, string cptsName)
    {
        var text = new StringBuilder();
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            text.Append("Réunion annulée. ");
        }

        text.Append(MeetingLabels.Label(body, meeting.Extraordinary)).Append(" de la ").Append(cptsName).Append(".\n");
        text.Append("Ordre du jour :");
        foreach (var item in meeting.Agenda.OrderBy(a => a.Position))
        {
            text.Append('\n').Append(item.Position.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(item.Title);
            if (item.Details is { } details)
            {
                text.Append(" — ").Append(details);
            }
        }

        return text.ToString();
    }

    private static Uri Organizer(Guid cptsId, string? email) =>
        email is { Length: > 0 } && Uri.TryCreate("mailto:" + email.Trim(), UriKind.Absolute, out var mailto)
            ? mailto
            : new Uri("mailto:cpts-" + cptsId.ToString("D", CultureInfo.InvariantCulture) + "@maillage.invalid");
}
