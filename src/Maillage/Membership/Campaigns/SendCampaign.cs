using System.Collections.Concurrent;
using System.Threading.Channels;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Maillage.Platform.Mail;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Membership.Campaigns;

/// <summary>A send to run in the background: who asked, and the address the unsubscribe links point to.</summary>
public sealed record CampaignSendJob(Guid CptsId, Guid CampaignId, Actor Actor, string BaseUrl);

/// <summary>The progress of a running send, updated by the worker and read by the status requests.</summary>
public sealed class CampaignSendProgress
{
    private int total;
    private int done;

    public int Total => Volatile.Read(ref total);

    public int Done => Volatile.Read(ref done);

    internal void Start(int addresses, int already)
    {
        Volatile.Write(ref total, addresses);
        Volatile.Write(ref done, already);
    }

    internal void Advance() => Interlocked.Increment(ref done);
}

/// <summary>
/// The sends waiting for or under way in this process (a channel read by <see cref="CampaignSendWorker"/>), their progress, and why the
/// last send of a campaign stopped, if it did.
/// </summary>
public sealed class CampaignSends
{
    private readonly Channel<CampaignSendJob> channel = Channel.CreateUnbounded<CampaignSendJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, CampaignSendProgress> running = new();
    private readonly ConcurrentDictionary<Guid, string> failures = new();

    internal ChannelReader<CampaignSendJob> Reader => channel.Reader;

    /// <summary>The progress of the campaign's send when one is queued or running here.</summary>
    public CampaignSendProgress? Running(Guid campaignId) => running.GetValueOrDefault(campaignId);

    /// <summary>Why the campaign's last send stopped before its end (in French), if it did since the host started.</summary>
    public string? LastFailure(Guid campaignId) => failures.GetValueOrDefault(campaignId);

    internal bool TryReserve(Guid campaignId)
    {
        if (!running.TryAdd(campaignId, new CampaignSendProgress()))
        {
            return false;
        }

        failures.TryRemove(campaignId, out _);
        return true;
    }

    internal void Enqueue(CampaignSendJob job)
    {
        if (!channel.Writer.TryWrite(job))
        {
            Finish(job.CampaignId, "La file d'envoi est fermée : l'hôte s'arrête.");
        }
    }

    internal void Finish(Guid campaignId, string? failure)
    {
        if (failure is not null)
        {
            failures[campaignId] = failure;
        }

        running.TryRemove(campaignId, out _);
    }
}

/// <summary>
/// Starts sending a campaign (or resumes one that stopped midway): checks it may be sent, claims it (the campaign's version guards
/// against two starts at once), and queues it for the background worker. The coordinator or an admin.
/// </summary>
public sealed class StartCampaignSend(MaillageDbContext db, ReadCampaigns read, CampaignAudience audience, CampaignSends queue)
{
    public async Task<Result<CampaignStatus>> RunAsync(Guid cptsId, Guid campaignId, int? version, string baseUrl, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await read.FindAsync(cptsId, campaignId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<CampaignStatus>.Fail(found.Errors);
        }

        var (scope, campaign) = found.Value;
        if (campaign.SentAt is { } sentAt)
        {
            return new Error("already_sent",
                $"La campagne « {campaign.Name} » a déjà été envoyée le {French.Date(scope.Tenant.Clock.DateOf(sentAt))} : "
                + "une campagne ne part qu'une fois ; créez-en une nouvelle.", null, ErrorKind.Conflict);
        }

        var recipients = await audience.RecipientsAsync(cptsId, scope.Communes, CampaignAccess.SegmentOf(campaign), ct);
        if (recipients.Count == 0)
        {
            return new Error("no_recipient", "Ce segment ne compte aucun professionnel avec une adresse e-mail : rien à envoyer.", "membership");
        }

        if (!queue.TryReserve(campaignId))
        {
            return Sending();
        }

        try
        {
            var tracked = await db.Campaigns().FirstAsync(c => c.Id == campaignId, ct);
            if (version is { } v)
            {
                db.Entry(tracked).Property(c => c.Version).OriginalValue = v;
            }

            tracked.SentBy = actor.Name;
            db.Entry(tracked).State = EntityState.Modified;
            if (await db.SaveOrConflictAsync(ct, conflict: version is null ? Sending() : Error.Stale()) is { } refused)
            {
                queue.Finish(campaignId, null);
                return refused;
            }

            queue.Enqueue(new CampaignSendJob(cptsId, campaignId, actor, baseUrl));
            return Result<CampaignStatus>.Ok(await read.StatusOfAsync(scope, tracked, ct));
        }
        catch
        {
            queue.Finish(campaignId, null);
            throw;
        }
    }

    private static Error Sending() => new("sending", "L'envoi de cette campagne est déjà en cours.", null, ErrorKind.Conflict);
}

/// <summary>
/// Sends a claimed campaign to its segment as it stands now: one line of the sent log per address, written before the message leaves
/// (so a resumed or doubled send never writes twice to an address — at most once, never twice), unsubscribed addresses skipped, a
/// refused message logged as failed with the server's answer. A lost connection stops the send, which can be resumed; the end stamps
/// the campaign as sent and records the counts in the audit trail.
/// </summary>
public sealed class SendCampaign(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, CampaignAudience audience, UnsubscribeTokens tokens,
    IMailTransport transport, MailSetting mail, AuditTrail audit, TimeProvider clock)
{
    public const int MaxError = 500;

    public async Task RunAsync(CampaignSendJob job, CampaignSendProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var campaign = await db.Campaigns().FirstAsync(c => c.Id == job.CampaignId, ct);
        if (campaign.SentAt is not null)
        {
            return;
        }

        var cpts = (await tenancy.ForPlatformAsync(campaign.CptsId, ct)).Value!.Cpts;
        var communes = await territories.CommunesAsync(cpts.Id, ct);
        var recipients = await audience.RecipientsAsync(cpts.Id, communes, CampaignAccess.SegmentOf(campaign), ct);
        var logged = (await db.CampaignMessages().Where(m => m.CampaignId == campaign.Id).Select(m => m.Email).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var unsubscribed = await audience.UnsubscribedAsync(cpts.Id, ct);
        progress.Start(recipients.Count, recipients.Count(r => logged.Contains(r.Email)));
        await using (var session = await transport.OpenAsync(ct))
        {
            foreach (var recipient in recipients.Where(r => !logged.Contains(r.Email)))
            {
                await SendOneAsync(session, campaign, cpts, recipient, unsubscribed.Contains(recipient.Email), job.BaseUrl, ct);
                progress.Advance();
            }
        }

        var counts = await db.CampaignMessages().Where(m => m.CampaignId == campaign.Id).GroupBy(m => m.Outcome)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        campaign.SentAt = clock.GetUtcNow();
        audit.Record(job.Actor, cpts.Id, "campaign.sent",
            $"Campagne {campaign.Id} « {campaign.Name} » envoyée : {French.Count(counts.GetValueOrDefault(MessageOutcome.Sent), "message", "messages")}, "
            + $"{French.Count(counts.GetValueOrDefault(MessageOutcome.Unsubscribed), "adresse désinscrite ignorée", "adresses désinscrites ignorées")}, "
            + $"{French.Count(counts.GetValueOrDefault(MessageOutcome.Failed), "échec", "échecs")}.");
        await db.SaveChangesAsync(ct);
    }

    private async Task SendOneAsync(IMailSession session, Campaign campaign, CptsInfo cpts, Recipient recipient, bool skip, string baseUrl,
        CancellationToken ct)
    {
        var line = new CampaignMessage
        {
            Id = Guid.NewGuid(), CampaignId = campaign.Id, CptsId = cpts.Id, ProfessionalId = recipient.ProfessionalId, Email = recipient.Email,
            Outcome = skip ? MessageOutcome.Unsubscribed : MessageOutcome.Sent, At = clock.GetUtcNow(),
        };
        db.CampaignMessages().Add(line);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another send of the same campaign claimed this address first.
            db.Entry(line).State = EntityState.Detached;
            return;
        }

        if (skip)
        {
            return;
        }

        try
        {
            var link = UnsubscribeTokens.Link(baseUrl, tokens.Create(cpts.Id, recipient.Email));
            await session.SendAsync(CampaignMail.Build(campaign, cpts, mail.From, recipient.Email, link, clock.GetUtcNow()), ct);
        }
        catch (Exception e) when (e is MailRejectedException or ParseException)
        {
            line.Outcome = MessageOutcome.Failed;
            line.Error = e is ParseException ? "Adresse e-mail invalide." : e.Message.Length > MaxError ? e.Message[..MaxError] : e.Message;
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The transport broke (connection lost): the address was not served, so it is released for the resumed send.
            db.CampaignMessages().Remove(line);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}

/// <summary>The message of a campaign to one address: the body, a French footer with the unsubscribe link, and the List-Unsubscribe headers.</summary>
public static class CampaignMail
{
    public static MimeMessage Build(Campaign campaign, CptsInfo cpts, MailboxAddress from, string to, string unsubscribeLink, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(cpts);
        ArgumentNullException.ThrowIfNull(from);
        if (!MailboxAddress.TryParse(to, out var recipient) || !recipient.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new ParseException("Invalid address.", 0, 0);
        }

        var message = new MimeMessage { Subject = campaign.Subject, Date = date };
        message.From.Add(new MailboxAddress(cpts.Name, from.Address));
        if (cpts.ContactEmail is { } contact && MailboxAddress.TryParse(contact, out var replyTo))
        {
            message.ReplyTo.Add(replyTo);
        }

        message.To.Add(recipient);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeLink}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new TextPart("plain") { Text = campaign.Body + Footer(cpts.Name, unsubscribeLink) };
        return message;
    }

    public static string Footer(string cptsName, string unsubscribeLink) =>
        $"\n\n-- \nMessage envoyé par {cptsName} aux professionnels de santé de son territoire.\n"
        + $"Pour ne plus recevoir ses messages : {unsubscribeLink}\n";
}

/// <summary>Runs the queued sends one after the other, each in its own scope; a failure stops that send only (it can be resumed).</summary>
public sealed partial class CampaignSendWorker(CampaignSends queue, IServiceScopeFactory scopes, ILogger<CampaignSendWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            var progress = queue.Running(job.CampaignId) ?? new CampaignSendProgress();
            string? failure = null;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendCampaign>().RunAsync(job, progress, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                failure = "L'envoi a été interrompu par l'arrêt du serveur : reprenez-le, les adresses déjà traitées ne recevront rien de plus.";
            }
#pragma warning disable CA1031 // Any failure stops this send only; the worker keeps serving the next ones.
            catch (Exception e)
#pragma warning restore CA1031
            {
                // The type only: an SMTP error message may quote an address.
                Interrupted(logger, job.CampaignId, e.GetType().Name);
                failure = "L'envoi s'est interrompu (serveur d'envoi injoignable ou connexion perdue) : reprenez-le, "
                    + "les adresses déjà traitées ne recevront rien de plus.";
            }
            finally
            {
                queue.Finish(job.CampaignId, failure);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Campaign {CampaignId} send interrupted: {ErrorType}")]
    private static partial void Interrupted(ILogger logger, Guid campaignId, string errorType);
}
