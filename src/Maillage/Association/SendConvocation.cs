using System.Globalization;
using System.Text;
using Maillage.Platform.Mail;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Maillage.Association.Storage;
using Maillage.Membership.Published;
using Maillage.Platform.Time;
using Maillage.Territories.Published;

namespace Maillage.Association;

/// <summary>What sending a convocation did: messages written, voters without an address (to be convened by post or by hand).</summary>
public sealed record ConvocationReport(int Sent, int WithoutAddress, int Failed);

/// <summary>
/// E-mails the convocation of a convened meeting to each of its voters (a professional's work e-mail, a structure's e-mail), with the
/// agenda in the text and the iCalendar invitation (METHOD:REQUEST, or CANCEL once cancelled) attached so calendars add, move or
/// drop the meeting. A statutory convocation is not a campaign: unsubscribing from campaigns does not stop it. It may be sent again
/// after a change (the invitation's SEQUENCE tells calendars it replaces the previous one). Whoever runs the association.
/// </summary>
public sealed class SendConvocation(MaillageDbContext db, AssociationAccess access, MeetingVoters meetingVoters, MemberRoll roll, IMailTransport transport,
    MailSetting mail, AuditTrail audit)
{
    public async Task<Result<ConvocationReport>> RunAsync(Guid cptsId, Guid meetingId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.RunAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<ConvocationReport>.Fail(found.Errors);
        }

        var (cpts, clock) = (found.Value!.Cpts, found.Value.Tenant.Clock);
        var meeting = await db.Meetings().AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Réunion");
        }

        if (meeting.Status is not (MeetingStatus.Convened or MeetingStatus.Cancelled))
        {
            return new Error("not_convened", "Seule une réunion convoquée (ou annulée, pour prévenir) s'envoie par e-mail.", null, ErrorKind.Conflict);
        }

        var body = await db.Bodies().AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, ct);
        var voters = await meetingVoters.IdsAsync(meeting, body, clock.DateOf(meeting.StartsAt), ct);
        var addresses = await roll.AddressesAsync(cptsId, voters, ct);
        var invitation = IcalendarInvitation.Write(meeting, body.Kind, cpts, clock);
        var (sent, failed) = (0, 0);
        await using (var session = await transport.OpenAsync(ct))
        {
            foreach (var address in addresses.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    await session.SendAsync(Message(meeting, body.Kind, cpts.Name, clock, address, invitation), ct);
                    sent++;
                }
                catch (Exception e) when (e is MailRejectedException or ParseException)
                {
                    failed++;
                }
            }
        }

        var report = new ConvocationReport(sent, voters.Count - addresses.Count, failed);
        audit.Record(actor, cptsId, "meeting.convocation_sent",
            $"Réunion {meeting.Id} : convocation envoyée par e-mail à {French.Count(sent, "votant", "votants")}, {report.WithoutAddress} sans adresse, {French.Count(failed, "refusée", "refusées")}.");
        await db.SaveChangesAsync(ct);
        return Result<ConvocationReport>.Ok(report);
    }

    private MimeMessage Message(Meeting meeting, BodyKind kind, string cptsName, LocalClock clock, string address, string invitation)
    {
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var when = clock.Local(meeting.StartsAt).ToString("dddd d MMMM yyyy 'à' HH'h'mm", French.Culture) + $" ({TimeZones.Label(clock.Zone)})";
        var text = new StringBuilder()
            .AppendLine(cancelled ? $"La réunion « {meeting.Title} » ({MeetingLabels.Label(kind)}) prévue le {when} est annulée."
                : $"Vous êtes convoqué(e) à la réunion « {meeting.Title} » ({MeetingLabels.Label(kind)}) de {cptsName}, le {when}, lieu : {meeting.Location}.")
            .AppendLine();
        if (!cancelled)
        {
            text.AppendLine("Ordre du jour :");
            foreach (var item in meeting.Agenda.OrderBy(a => a.Position))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{item.Position}. {item.Title}");
            }

            text.AppendLine().AppendLine("Si vous ne pouvez pas venir, vous pouvez donner pouvoir à un autre votant présent.");
        }

        var builder = new BodyBuilder { TextBody = text.ToString() };
        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(invitation))),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invitation.ics",
        };
        calendar.ContentType.Parameters.Add("method", cancelled ? "CANCEL" : "REQUEST");
        calendar.ContentType.Charset = "utf-8";
        builder.Attachments.Add(calendar);
        var message = new MimeMessage
        {
            Subject = (cancelled ? "Annulation : " : "Convocation : ") + meeting.Title + " — " + cptsName,
            Body = builder.ToMessageBody(),
        };
        message.From.Add(mail.From);
        message.To.Add(MailboxAddress.Parse(address));
        return message;
    }
}
