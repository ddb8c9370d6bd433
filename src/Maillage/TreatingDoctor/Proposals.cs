using System.Security.Cryptography;
using System.Text;
using Maillage.Directory.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Mail;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor.Assignment;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Maillage.TreatingDoctor;

/// <summary>A proposal as its answer link shows it: no identity, only what a doctor needs to decide (age, commune, criteria, home visit).</summary>
public sealed record ProposalSummary(TreatingProposal Proposal, string CptsName, string DoctorName, int Age, string CommuneCode, IReadOnlyList<Criterion> Criteria,
    bool HomeVisit);

/// <summary>
/// Proposals from the desk to the volunteers: the coordinator sends the drafts of a run (or proposes a request to a doctor by hand); the doctor
/// is mailed one link per patient (its secret's hash stored, valid while the proposal waits) and answers on the platform or from the link —
/// accepted, the request is the doctor's; refused with a reason, it goes back to the queue. Capacity: a proposal sent counts against the
/// month it was sent in (docs/treating-doctor.md).
/// </summary>
public sealed partial class Proposals(MaillageDbContext db, TreatingAccess access, DirectoryLookup directory, IMailTransport transport, MailSetting mail,
    PriorityRuleSets rules, DeskCommunes communes, AuditTrail audit, TimeProvider clock, ILogger<Proposals> logger)
{
    /// <summary>How long an answer link stays valid after sending.</summary>
    public static readonly TimeSpan LinkValidity = TimeSpan.FromDays(30);

    /// <summary>The path of an answer link (the web's <c>Reponse</c> page); the host is added by whoever sends it.</summary>
    public static string AnswerPath(Guid proposalId, string secret) => $"/medecin-traitant/reponse/{proposalId}?jeton={Uri.EscapeDataString(secret)}";

    /// <summary>Sends drafts (those given, or every draft when none is given); <paramref name="link"/> makes the answer link of (proposal, secret).</summary>
    public async Task<Result<IReadOnlyList<TreatingProposal>>> SendAsync(Guid cptsId, IReadOnlyCollection<Guid>? draftIds, Func<Guid, string, string> link, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<IReadOnlyList<TreatingProposal>>.Fail(scope.Errors);
        }

        var query = db.TreatingProposals().Where(p => p.CptsId == cptsId && p.Status == ProposalStatus.Draft);
        if (draftIds is { Count: > 0 })
        {
            query = query.Where(p => draftIds.Contains(p.Id));
        }

        var drafts = await query.ToListAsync(ct);
        if (drafts.Count == 0)
        {
            return new Error("no_draft", "Aucune proposition à envoyer : lancez l'attribution d'abord.", null, ErrorKind.Conflict);
        }

        var requestIds = drafts.Select(d => d.RequestId).ToList();
        var requests = await db.TreatingRequests().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var volunteerIds = drafts.Select(d => d.VolunteerId).Distinct().ToList();
        var volunteers = await db.TreatingVolunteers().Where(v => volunteerIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var used = await DeskInstances.UsedThisMonthAsync(db, scope.Value!, ct);
        var now = clock.GetUtcNow();
        var secrets = new Dictionary<Guid, string>();
        var errors = new List<Error>();
        foreach (var byVolunteer in drafts.GroupBy(d => d.VolunteerId))
        {
            var v = volunteers[byVolunteer.Key];
            var room = DeskInstances.Remaining(v, used);
            if (byVolunteer.Count() > room)
            {
                errors.Add(new Error("capacity_exceeded",
                    $"{v.Name} n'a plus que {room} place(s) ce mois-ci pour {byVolunteer.Count()} proposition(s) : relancez l'attribution.", null, ErrorKind.Conflict));
            }
        }

        foreach (var d in drafts.Where(d => requests[d.RequestId].Status != RequestStatus.Waiting || requests[d.RequestId].MergedIntoId is not null))
        {
            errors.Add(new Error("request_moved", "Une demande de cette attribution a changé depuis (fusionnée, retirée ou proposée) : relancez l'attribution.", null,
                ErrorKind.Conflict));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<TreatingProposal>>.Fail(errors.DistinctBy(e => e.Message));
        }

        foreach (var v in volunteers.Values)
        {
            // The volunteer's version moves with every proposal sent to them: two sends racing for their last places cannot both pass.
            db.Entry(v).State = EntityState.Modified;
        }

        foreach (var d in drafts)
        {
            var secret = NewSecret();
            secrets[d.Id] = secret;
            (d.Status, d.SentAt, d.AnswerTokenHash) = (ProposalStatus.Sent, now, Hash(secret));
            var r = requests[d.RequestId];
            (r.Status, r.StatusAt) = (RequestStatus.Proposed, now);
        }

        audit.Record(actor, cptsId, "treating.proposals-sent", $"{drafts.Count} propositions envoyées à {volunteerIds.Count} médecins.");
        if (await db.SaveOrConflictAsync(ct, conflict: Busy()) is { } refused)
        {
            return refused;
        }

        await MailAsync(scope.Value!, drafts, requests, volunteers, secrets, link, actor, ct);
        return Result<IReadOnlyList<TreatingProposal>>.Ok(drafts);
    }

    /// <summary>The coordinator proposes a waiting request to a volunteer of their choice (sent at once), within what they can still take this month.</summary>
    public async Task<Result<TreatingProposal>> ProposeAsync(Guid cptsId, Guid requestId, Guid? volunteerId, Func<Guid, string, string> link, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingProposal>.Fail(scope.Errors);
        }

        var request = await db.TreatingRequests().FirstOrDefaultAsync(r => r.Id == requestId && r.MergedIntoId == null, ct);
        var volunteer = volunteerId is { } vid ? await db.TreatingVolunteers().FirstOrDefaultAsync(v => v.Id == vid && v.Active, ct) : null;
        if (request is null)
        {
            return Error.NotFound("Demande");
        }

        if (volunteer is null)
        {
            return new Error("volunteer_required", "Choisissez un médecin volontaire.", "volunteerId");
        }

        if (request.Status is not (RequestStatus.Waiting or RequestStatus.New))
        {
            return new Error("not_waiting", "Cette demande n'est pas en attente d'un médecin.", null, ErrorKind.Conflict);
        }

        if (DeskInstances.Remaining(volunteer, await DeskInstances.UsedThisMonthAsync(db, scope.Value!, ct)) < 1)
        {
            return new Error("capacity_exceeded", volunteer.Paused ? $"{volunteer.Name} est en pause : aucune proposition ne lui est faite."
                : $"{volunteer.Name} n'a plus de place ce mois-ci (capacité déclarée : {volunteer.MonthlyCapacity} par mois).", "volunteerId", ErrorKind.Conflict);
        }

        // One transaction: the request's draft leaves the unique index in a first save, the proposal enters it in the second; a lost race
        // leaves the draft as it was.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var drafts = await db.TreatingProposals().Where(p => p.RequestId == request.Id && p.Status == ProposalStatus.Draft).ToListAsync(ct);
        foreach (var d in drafts)
        {
            d.Status = ProposalStatus.Withdrawn;
        }

        if (drafts.Count > 0 && await db.SaveOrConflictAsync(ct) is { } stale)
        {
            return stale;
        }

        var now = clock.GetUtcNow();
        var secret = NewSecret();
        var score = rules.Default.Weights.Score(request.CriteriaList);
        var proposal = new TreatingProposal
        {
            Id = Guid.NewGuid(), CptsId = cptsId, RequestId = request.Id, VolunteerId = volunteer.Id, Level = ProximityLevel.Beyond, Score = score,
            Value = 0, Status = ProposalStatus.Sent, CreatedAt = now, SentAt = now, AnswerTokenHash = Hash(secret),
            Explanation = $"Proposé par la coordination à {volunteer.Name}.",
        };
        db.TreatingProposals().Add(proposal);
        (request.Status, request.StatusAt) = (RequestStatus.Proposed, now);
        // The volunteer's version moves with every proposal sent to them: two sends racing for their last place cannot both pass.
        db.Entry(volunteer).State = EntityState.Modified;
        audit.Record(actor, cptsId, "treating.proposal-sent", $"Demande {request.Id} proposée au volontaire {volunteer.Id}.");
        var saved = await db.SaveAsync(proposal, ct, conflict: Busy(), taken: new Error("already_proposed", "Cette demande vient d'être proposée à un médecin.", null,
            ErrorKind.Conflict));
        if (saved.Succeeded)
        {
            await tx.CommitAsync(ct);
            await MailAsync(scope.Value!, [proposal], new Dictionary<Guid, TreatingRequest> { [request.Id] = request },
                new Dictionary<Guid, TreatingVolunteer> { [volunteer.Id] = volunteer }, new Dictionary<Guid, string> { [proposal.Id] = secret }, link, actor, ct);
        }

        return saved;
    }

    /// <summary>The volunteer answers on the platform (or the coordinator records the answer given by phone).</summary>
    public async Task<Result<TreatingProposal>> AnswerAsync(Guid cptsId, Guid proposalId, bool accept, string? reason, int? version, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.ResolveAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingProposal>.Fail(scope.Errors);
        }

        var proposal = await db.TreatingProposals().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null || !(scope.Value!.Manages || scope.Value.Volunteer?.Id == proposal.VolunteerId))
        {
            return Error.NotFound("Proposition");
        }

        if (version is { } v && v != proposal.Version)
        {
            return Error.Stale();
        }

        return await RecordAnswerAsync(proposal, accept, reason, actor, "plateforme", ct);
    }

    /// <summary>
    /// The coordinator reminds a doctor who has not answered (the « À faire » line after 7 days): a new answer link is mailed — the previous
    /// one stops working, the new one is valid 30 days — and the proposal remembers when; the month's capacity is untouched (the proposal
    /// was already counted when sent).
    /// </summary>
    public async Task<Result<TreatingProposal>> RemindAsync(Guid cptsId, Guid proposalId, int? version, Func<Guid, string, string> link, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(link);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingProposal>.Fail(scope.Errors);
        }

        var proposal = await db.TreatingProposals().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Error.NotFound("Proposition");
        }

        if (version is { } v && v != proposal.Version)
        {
            return Error.Stale();
        }

        if (proposal.Status != ProposalStatus.Sent)
        {
            return new Error("not_waiting", "Ce médecin a déjà répondu, ou la proposition a été retirée : il n'y a plus rien à relancer.", null, ErrorKind.Conflict);
        }

        var request = await db.TreatingRequests().AsNoTracking().FirstAsync(r => r.Id == proposal.RequestId, ct);
        var volunteer = await db.TreatingVolunteers().AsNoTracking().FirstAsync(x => x.Id == proposal.VolunteerId, ct);
        var secret = NewSecret();
        (proposal.RemindedAt, proposal.AnswerTokenHash) = (clock.GetUtcNow(), Hash(secret));
        audit.Record(actor, cptsId, "treating.proposal-reminded", $"Proposition {proposal.Id} : le médecin est relancé.");
        if (await db.SaveOrConflictAsync(ct) is { } refused)
        {
            return refused;
        }

        await MailAsync(scope.Value!, [proposal], new() { [request.Id] = request }, new() { [volunteer.Id] = volunteer }, new() { [proposal.Id] = secret },
            link, actor, ct, reminder: true);
        return Result<TreatingProposal>.Ok(proposal);
    }

    /// <summary>The proposal behind an answer link, without the patient's identity; not found when the secret does not match or has expired.</summary>
    public async Task<Result<ProposalSummary>> ReadByLinkAsync(Guid proposalId, string? secret, CancellationToken ct = default)
    {
        var proposal = await ByLinkAsync(proposalId, secret, ct);
        if (proposal is null)
        {
            return LinkInvalid();
        }

        var request = await db.TreatingRequests().AsNoTracking().IgnoreQueryFilters(["cpts"]).FirstAsync(r => r.Id == proposal.RequestId, ct);
        var volunteer = await db.TreatingVolunteers().AsNoTracking().IgnoreQueryFilters(["cpts"]).FirstAsync(v => v.Id == proposal.VolunteerId, ct);
        var scope = await access.ForPublicAsync(proposal.CptsId, ct);
        audit.Record(new Actor($"volunteer-link:{volunteer.Id:N}", volunteer.Name, Platform.Identity.Role.Member, proposal.CptsId, null, null, volunteer.MemberId),
            proposal.CptsId, "treating.proposal-link-read", $"Proposition {proposal.Id} (demande {request.Id}) lue depuis le lien envoyé au volontaire {volunteer.Id}.");
        await db.SaveChangesAsync(ct);
        return Result<ProposalSummary>.Ok(new ProposalSummary(proposal, scope.Value!.Tenant.Name, volunteer.Name, request.AgeOn(scope.Value.Today),
            request.CommuneCode, request.CriteriaList, request.HomeVisit));
    }

    /// <summary>The doctor answers from the mailed link.</summary>
    public async Task<Result<TreatingProposal>> AnswerByLinkAsync(Guid proposalId, string? secret, bool accept, string? reason, CancellationToken ct = default)
    {
        var proposal = await ByLinkAsync(proposalId, secret, ct, tracked: true);
        if (proposal is null)
        {
            return LinkInvalid();
        }

        var volunteer = await db.TreatingVolunteers().AsNoTracking().IgnoreQueryFilters(["cpts"]).FirstAsync(v => v.Id == proposal.VolunteerId, ct);
        var actor = new Actor($"volunteer-link:{volunteer.Id:N}", volunteer.Name, Platform.Identity.Role.Member, proposal.CptsId, null, null, volunteer.MemberId);
        return await RecordAnswerAsync(proposal, accept, reason, actor, "lien", ct);
    }

    private async Task<Result<TreatingProposal>> RecordAnswerAsync(TreatingProposal proposal, bool accept, string? reason, Actor actor, string how,
        CancellationToken ct)
    {
        if (proposal.Status != ProposalStatus.Sent)
        {
            return new Error("already_answered", proposal.Status switch
            {
                ProposalStatus.Accepted => "Vous avez déjà accepté ce patient.",
                ProposalStatus.Refused => "Vous avez déjà refusé ce patient.",
                _ => "Cette proposition a été retirée par la coordination.",
            }, null, ErrorKind.Conflict);
        }

        var text = reason?.Trim();
        if (!accept && string.IsNullOrEmpty(text))
        {
            return new Error("reason_required", "Dites en quelques mots pourquoi vous refusez (la coordination cherchera un autre médecin).", "reason");
        }

        var request = await db.TreatingRequests().IgnoreQueryFilters(["cpts"]).FirstAsync(r => r.Id == proposal.RequestId, ct);
        var now = clock.GetUtcNow();
        (proposal.Status, proposal.AnsweredAt, proposal.RefusalReason, proposal.AnswerTokenHash) =
            (accept ? ProposalStatus.Accepted : ProposalStatus.Refused, now, accept ? null : Cut(text!, 500), null);
        if (request.Status == RequestStatus.Proposed)
        {
            (request.Status, request.StatusAt) = accept ? (RequestStatus.Accepted, now) : (RequestStatus.Waiting, now);
            if (accept)
            {
                (request.VolunteerId, request.AcceptedAt) = (proposal.VolunteerId, now);
            }
        }

        audit.Record(actor, proposal.CptsId, accept ? "treating.proposal-accepted" : "treating.proposal-refused",
            $"Proposition {proposal.Id} (demande {request.Id}) {(accept ? "acceptée" : "refusée")} ({how}).");
        return await db.SaveAsync(proposal, ct);
    }

    private async Task<TreatingProposal?> ByLinkAsync(Guid proposalId, string? secret, CancellationToken ct, bool tracked = false)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }

        var query = db.TreatingProposals().IgnoreQueryFilters(["cpts"]);
        var proposal = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        var now = clock.GetUtcNow();
        return proposal is { AnswerTokenHash: { } hash, SentAt: { } sent } && (proposal.RemindedAt ?? sent) + LinkValidity > now
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(secret)))
            ? proposal : null;
    }

    private static Error Busy() =>
        new("send_conflict", "Une autre proposition vient d'être envoyée à ce médecin ou pour ce patient : rechargez la page et recommencez.", null, ErrorKind.Conflict);

    private static Error LinkInvalid() =>
        new("invalid_link", "Ce lien n'est plus valable (déjà utilisé, expiré ou incomplet) : répondez depuis la plateforme de la CPTS.", null, ErrorKind.NotFound);

    private async Task MailAsync(TreatingScope scope, List<TreatingProposal> sent, Dictionary<Guid, TreatingRequest> requests,
        Dictionary<Guid, TreatingVolunteer> volunteers, Dictionary<Guid, string> secrets, Func<Guid, string, string> link, Actor actor,
        CancellationToken ct, bool reminder = false)
    {
        var messages = new List<MimeMessage>();
        foreach (var byVolunteer in sent.GroupBy(p => p.VolunteerId))
        {
            var v = volunteers[byVolunteer.Key];
            var pid = await directory.ProfessionalIdAsync(v.Rpps, ct);
            var email = pid is { } id ? (await directory.ProfessionalsAsync([id], ct)).GetValueOrDefault(id)?.WorkEmail : null;
            if (string.IsNullOrWhiteSpace(email) || !MailboxAddress.TryParse(email, out var to))
            {
                continue;
            }

            var lines = byVolunteer.Select(p =>
            {
                var r = requests[p.RequestId];
                var criteria = r.CriteriaList.Count == 0 ? "sans critère de priorité" : string.Join(", ", r.CriteriaList.Select(PriorityLabels.Of));
                return $"- un patient de {r.AgeOn(scope.Today)} ans, à {communes.NameOf(r.CommuneCode)}, {criteria}{(r.HomeVisit ? ", visites à domicile" : "")} :\n  {link(p.Id, secrets[p.Id])}";
            });
            var message = new MimeMessage();
            message.From.Add(mail.From);
            message.To.Add(to);
            message.Subject = reminder ? "Rappel : un patient sans médecin traitant attend votre réponse"
                : byVolunteer.Count() == 1 ? "Un patient sans médecin traitant vous est proposé" : $"{byVolunteer.Count()} patients sans médecin traitant vous sont proposés";
            message.Body = new TextPart("plain")
            {
                Text = $"Bonjour {v.Name},\n\n"
                    + (reminder
                        ? $"La {scope.Tenant.Name} vous a proposé, il y a quelques jours, de devenir le médecin traitant de ce patient, qui attend toujours votre réponse "
                          + "(ce nouveau lien remplace le précédent) :\n"
                        : $"La {scope.Tenant.Name} vous propose, dans la limite de ce que vous avez déclaré, de devenir le médecin traitant de :\n")
                    + string.Join("\n", lines)
                    + "\n\nChaque lien permet d'accepter ou de refuser (avec un motif) ; le dossier complet du patient est sur la plateforme, rubrique « Médecin traitant ».\n"
                    + "Les liens sont valables 30 jours.\n",
            };
            messages.Add(message);
        }

        if (await transport.TrySendAllAsync(messages, ct) is { } failure)
        {
            Failed(logger, failure);
            audit.Record(actor, scope.CptsId, "treating.notification-failed", $"{sent.Count} propositions : message non envoyé ({failure}).");
            await db.SaveChangesAsync(ct);
        }
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Treating-doctor proposal mail not sent: {Kind}")]
    private static partial void Failed(ILogger logger, string kind);
}
