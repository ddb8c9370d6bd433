using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Maillage.Directory.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Mail;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Maillage.Unscheduled;

/// <summary>
/// Who is told of a booking, once it is saved: the effector (e-mail with the appointment as iCalendar — REQUEST, then CANCEL — so it lands
/// in their calendar), the patient when an address was given (the confirmation), and on a cancellation the other party (the registrar
/// when the effector or the coordinator cancels, the effector otherwise). A mail that cannot be sent never undoes the booking: it is
/// recorded in the audit trail (no address, no name) and logged by type only.
/// </summary>
public sealed partial class SnpNotifications(MaillageDbContext db, DirectoryLookup directory, IMailTransport transport, MailSetting mail, AuditTrail audit,
    ILogger<SnpNotifications> logger)
{
    /// <summary>The booking of <paramref name="slot"/> (the one the caller holds: not read again).</summary>
    public Task BookedAsync(SnpScope scope, Booking booking, Slot slot, Actor actor, CancellationToken ct) => SendAsync(scope, booking, slot, actor, cancelled: false, ct);

    public Task CancelledAsync(SnpScope scope, Booking booking, Slot slot, Actor actor, CancellationToken ct) => SendAsync(scope, booking, slot, actor, cancelled: true, ct);

    private async Task SendAsync(SnpScope scope, Booking booking, Slot slot, Actor actor, bool cancelled, CancellationToken ct)
    {
        var effector = await db.Effectors().AsNoTracking().FirstAsync(e => e.Id == slot.EffectorId, ct);
        var place = await db.SnpPlaces().AsNoTracking().FirstAsync(p => p.Id == slot.PlaceId, ct);
        var clock = scope.Tenant.Clock;
        var when = SlotText.When(slot.Start, clock);
        var messages = new List<MimeMessage>();
        var effectorEmail = await directory.ProfessionalIdAsync(effector.Rpps, ct) is { } pid
            ? (await directory.ProfessionalsAsync([pid], ct)).GetValueOrDefault(pid)?.WorkEmail : null;
        var byEffectorSide = scope.KeepsAgendaOf(effector.Id) && booking.BookedById != actor.UserId;
        if (Address(effectorEmail) is { } toEffector && !(cancelled && byEffectorSide && scope.Effector?.Id == effector.Id))
        {
            messages.Add(ToEffector(toEffector, scope, booking, slot, place, when, clock, cancelled));
        }

        if (cancelled && byEffectorSide && Address(booking.BookedBy) is { } toRegistrar)
        {
            messages.Add(Message(toRegistrar, $"Rendez-vous annulé — {when}",
                $"Bonjour,\n\nLe rendez-vous de soins non programmés que vous aviez réservé pour un patient le {when} avec {effector.Name} est annulé"
                + $" ({booking.CancelReason}).\nRéservez-lui un autre créneau si besoin sur la plateforme de la {scope.Tenant.Name}.\n"));
        }

        if (Address(booking.PatientEmail) is { } toPatient)
        {
            messages.Add(cancelled
                ? Message(toPatient, $"Votre rendez-vous du {when} est annulé",
                    $"Bonjour,\n\nVotre rendez-vous du {when} avec {effector.Name} est annulé. Rappelez la personne qui l'avait pris pour vous"
                    + " (pharmacie, infirmier, plateforme) pour en trouver un autre.\n\nEn cas d'urgence vitale, appelez le 15.\n")
                : Message(toPatient, $"Votre rendez-vous du {when}",
                    $"Bonjour,\n\nVotre rendez-vous de soins non programmés est confirmé :\n- le {when} (heure locale),\n- avec {effector.Name},\n"
                    + $"- {WhereText(slot, place)}.\n\nApportez votre carte Vitale, une pièce d'identité, vos ordonnances en cours.\n"
                    + "Si vous ne pouvez pas venir, prévenez le cabinet pour libérer le créneau.\n\nEn cas d'urgence vitale, appelez le 15.\n"));
        }

        if (await transport.TrySendAllAsync(messages, ct) is { } failure)
        {
            Failed(logger, failure);
            audit.Record(actor, scope.CptsId, "snp.notification-failed", $"Réservation {booking.Id} : message non envoyé ({failure}).");
            await db.SaveChangesAsync(ct);
        }
    }

    private MimeMessage ToEffector(MailboxAddress to, SnpScope scope, Booking booking, Slot slot, SnpPlace place, string when, LocalClock clock, bool cancelled)
    {
        var patient = $"{booking.PatientGivenName} {booking.PatientFamilyName}";
        var text = cancelled
            ? $"Bonjour,\n\nLe rendez-vous du {when} ({patient}) est annulé ({booking.CancelReason}). Le créneau est de nouveau libre s'il est à venir.\n"
            : $"Bonjour,\n\nUn patient vous est adressé en soins non programmés par {booking.BookedBy} ({booking.Origin.French()}) :\n"
              + $"- le {when}, {WhereText(slot, place)} ;\n- {patient}, né(e) le {Maillage.Platform.French.Date(booking.PatientBirthDate)}, tél. {booking.PatientPhone} ;\n"
              + $"- motif : {SnpRules.ReasonLabel(booking.Reason)}.\n\nAprès la consultation, notez son issue dans votre agenda sur la plateforme de la {scope.Tenant.Name}.\n";
        var message = Message(to, (cancelled ? "Annulé : " : "Nouveau rendez-vous : ") + when, null);
        var body = new Multipart("mixed") { new TextPart("plain") { Text = text } };
        body.Add(new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(Invitation(scope, booking, slot, place, clock, cancelled)))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "rendez-vous.ics" },
            ContentTransferEncoding = ContentEncoding.Base64,
        });
        ((MimePart)body[1]).ContentType.Parameters.Add("method", cancelled ? "CANCEL" : "REQUEST");
        message.Body = body;
        return message;
    }

    /// <summary>The appointment as iCalendar: UID stable per booking, REQUEST or CANCEL, local hours with their TZID and VTIMEZONE.</summary>
    public static string Invitation(SnpScope scope, Booking booking, Slot slot, SnpPlace place, LocalClock clock, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(clock);
        return Icalendar.Write("-//Maillage//Soins non programmes//FR", cancelled, clock, new CalendarEvent
        {
            Uid = booking.Id.ToString("D", CultureInfo.InvariantCulture) + "@maillage-snp",
            Sequence = cancelled ? 1 : 0,
            DtStart = Icalendar.At(clock, slot.Start),
            DtEnd = Icalendar.At(clock, slot.End),
            Summary = $"Soins non programmés — {booking.PatientGivenName} {booking.PatientFamilyName}",
            Location = slot.Kind == SlotKind.InPerson ? $"{place.Name}, {place.Address}" : slot.Kind.French(),
            Description = $"Motif : {SnpRules.ReasonLabel(booking.Reason)}. Adressé par {booking.Origin.French()}. Tél. {booking.PatientPhone}.",
            Organizer = new Organizer { Value = new Uri($"mailto:cpts-{scope.CptsId:D}@maillage.invalid"), CommonName = scope.Tenant.Name },
        });
    }

    private static string WhereText(Slot slot, SnpPlace place) => slot.Kind switch
    {
        SlotKind.Teleconsultation => "en téléconsultation (le lien vous est envoyé par le médecin)",
        SlotKind.HomeVisit => "en visite à domicile",
        _ => $"{place.Name}, {place.Address}" + (place.Phone is { } phone ? $" (tél. {phone})" : ""),
    };

    private MimeMessage Message(MailboxAddress to, string subject, string? text)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(mail.From);
        message.To.Add(to);
        if (text is not null)
        {
            message.Body = new TextPart("plain") { Text = text };
        }

        return message;
    }

    private static MailboxAddress? Address(string? value) =>
        value is { Length: > 0 } && MailboxAddress.TryParse(value.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal) ? address : null;

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Unscheduled-care notification not sent: {ErrorType}")]
    private static partial void Failed(ILogger logger, string errorType);
}
