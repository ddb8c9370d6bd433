using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor;

/// <summary>The team's triage of a request: criteria and home visit checked, notes, referral to the DAC; a New request enters the queue.</summary>
public sealed record TriageInput(IReadOnlyList<string>? Criteria, bool HomeVisit, string? Notes, bool ReferredToDac, bool Queue, int? Version);

/// <summary>
/// The coordinator follows each request to its end: triage (New → Waiting), then, once a doctor accepted, the patient contacted, the first
/// consultation, the declaration to the CPAM, closed; withdrawn at any time with a reason; an accepted request whose patient never came back
/// to the queue; two filings of one person merged. Each step is audited by id, never with the patient's name.
/// </summary>
public sealed class FollowUp(MaillageDbContext db, TreatingAccess access, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The steps after the doctor's acceptance, each from the one before.</summary>
    public static IReadOnlyDictionary<RequestStatus, RequestStatus> Next { get; } = new Dictionary<RequestStatus, RequestStatus>
    {
        [RequestStatus.Accepted] = RequestStatus.Contacted,
        [RequestStatus.Contacted] = RequestStatus.FirstConsultation,
        [RequestStatus.FirstConsultation] = RequestStatus.Declared,
        [RequestStatus.Declared] = RequestStatus.Closed,
    };

    public async Task<Result<TreatingRequest>> TriageAsync(Guid cptsId, Guid requestId, TriageInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await FindAsync(cptsId, requestId, input.Version, actor, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var request = found.Value!;
        if (!request.Open)
        {
            return new Error("closed", "Cette demande est close : elle ne se trie plus.", null, ErrorKind.Conflict);
        }

        var criteria = 0;
        var errors = new List<Error>();
        foreach (var name in (input.Criteria ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (RequestRules.TryCriterion(name.Trim(), out var c))
            {
                criteria |= 1 << (int)c;
            }
            else
            {
                errors.Add(new Error("unknown_criterion", $"Critère inconnu : « {name} ».", "criteria"));
            }
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is { Length: > 8000 })
        {
            errors.Add(new Error("notes_too_long", "Les notes comptent 8 000 caractères au plus.", "notes"));
        }

        if (errors.Count > 0)
        {
            return Result<TreatingRequest>.Fail(errors);
        }

        (request.Criteria, request.HomeVisit, request.Notes, request.ReferredToDac) = (criteria, input.HomeVisit, notes, input.ReferredToDac);
        if (input.Queue && request.Status == RequestStatus.New)
        {
            (request.Status, request.StatusAt) = (RequestStatus.Waiting, clock.GetUtcNow());
        }

        audit.Record(actor, cptsId, "treating.request-triaged", $"Demande {request.Id} triée ({request.Status}{(request.ReferredToDac ? ", orientée vers le DAC" : "")}).");
        return await db.SaveAsync(request, ct);
    }

    /// <summary>The next step after the doctor's acceptance (contacted, first consultation, declared to the CPAM, closed).</summary>
    public async Task<Result<TreatingRequest>> AdvanceAsync(Guid cptsId, Guid requestId, RequestStatus to, int? version, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, requestId, version, actor, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var request = found.Value!;
        if (!Next.TryGetValue(request.Status, out var next) || next != to)
        {
            return new Error("wrong_step", $"Cette demande en est à « {TreatingLabels.Of(request.Status)} » : l'étape suivante n'est pas « {TreatingLabels.Of(to)} ».",
                "status", ErrorKind.Conflict);
        }

        var now = clock.GetUtcNow();
        (request.Status, request.StatusAt) = (to, now);
        if (to == RequestStatus.Declared)
        {
            request.DeclaredAt = now;
        }

        if (to == RequestStatus.Closed)
        {
            request.ClosedAt = now;
        }

        audit.Record(actor, cptsId, "treating.request-step", $"Demande {request.Id} : {to}.");
        return await db.SaveAsync(request, ct);
    }

    /// <summary>Ends a request without a doctor found by the desk (the patient found one alone, is unreachable, moved away…).</summary>
    public async Task<Result<TreatingRequest>> WithdrawAsync(Guid cptsId, Guid requestId, string? reason, int? version, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, requestId, version, actor, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var request = found.Value!;
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 300)
        {
            return new Error("reason_required", "Dites pourquoi la demande est retirée (300 caractères au plus).", "reason");
        }

        if (!request.Open)
        {
            return new Error("closed", "Cette demande est déjà close.", null, ErrorKind.Conflict);
        }

        var now = clock.GetUtcNow();
        await WithdrawProposalsAsync(request.Id, ct);
        (request.Status, request.StatusAt, request.ClosedAt, request.ClosingReason) = (RequestStatus.Withdrawn, now, now, text);
        audit.Record(actor, cptsId, "treating.request-withdrawn", $"Demande {request.Id} retirée.");
        return await db.SaveAsync(request, ct);
    }

    /// <summary>An accepted request whose follow-up stopped (the patient never came): its acceptance is withdrawn, it waits again.</summary>
    public async Task<Result<TreatingRequest>> RequeueAsync(Guid cptsId, Guid requestId, int? version, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, requestId, version, actor, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var request = found.Value!;
        if (request.Status is not (RequestStatus.Proposed or RequestStatus.Accepted or RequestStatus.Contacted))
        {
            return new Error("not_requeueable", "Seule une demande proposée, acceptée ou dont le patient a été contacté peut revenir dans la file.", null, ErrorKind.Conflict);
        }

        await WithdrawProposalsAsync(request.Id, ct);
        (request.Status, request.StatusAt, request.VolunteerId, request.AcceptedAt) = (RequestStatus.Waiting, clock.GetUtcNow(), null, null);
        audit.Record(actor, cptsId, "treating.request-requeued", $"Demande {request.Id} remise dans la file.");
        return await db.SaveAsync(request, ct);
    }

    /// <summary>Merges <paramref name="duplicateId"/> into <paramref name="requestId"/> (two filings of one person the desk did not catch).</summary>
    public async Task<Result<TreatingRequest>> MergeAsync(Guid cptsId, Guid requestId, Guid duplicateId, Actor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(cptsId, requestId, null, actor, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var into = found.Value!;
        var duplicate = await db.TreatingRequests().FirstOrDefaultAsync(r => r.Id == duplicateId && r.MergedIntoId == null, ct);
        if (duplicate is null || duplicate.Id == into.Id)
        {
            return new Error("duplicate_not_found", "Choisissez une autre demande ouverte à fusionner dans celle-ci.", "duplicateId");
        }

        if (!into.Open || !duplicate.Open)
        {
            return new Error("closed", "Une demande close ne se fusionne pas.", "duplicateId", ErrorKind.Conflict);
        }

        if (await db.TreatingProposals().AnyAsync(p => p.RequestId == duplicate.Id && (p.Status == ProposalStatus.Sent || p.Status == ProposalStatus.Accepted), ct))
        {
            return new Error("duplicate_proposed", "Le doublon est déjà proposé à un médecin : fusionnez-le dans l'autre sens, ou attendez la réponse.", "duplicateId",
                ErrorKind.Conflict);
        }

        await WithdrawProposalsAsync(duplicate.Id, ct);
        RequestMerge.Absorb(into, duplicate, clock.GetUtcNow());
        audit.Record(actor, cptsId, "treating.request-merged", $"Demande {duplicate.Id} fusionnée dans la demande {into.Id}.");
        return await db.SaveAsync(into, ct);
    }

    private async Task WithdrawProposalsAsync(Guid requestId, CancellationToken ct)
    {
        foreach (var p in await db.TreatingProposals().Where(p => p.RequestId == requestId
            && (p.Status == ProposalStatus.Draft || p.Status == ProposalStatus.Sent || p.Status == ProposalStatus.Accepted)).ToListAsync(ct))
        {
            (p.Status, p.AnswerTokenHash) = (ProposalStatus.Withdrawn, null);
        }
    }

    private async Task<Result<TreatingRequest>> FindAsync(Guid cptsId, Guid requestId, int? version, Actor actor, CancellationToken ct)
    {
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingRequest>.Fail(scope.Errors);
        }

        var request = await db.TreatingRequests().FirstOrDefaultAsync(r => r.Id == requestId && r.MergedIntoId == null && r.AnonymisedAt == null, ct);
        if (request is null)
        {
            return Error.NotFound("Demande");
        }

        return version is { } v && v != request.Version ? Error.Stale() : Result<TreatingRequest>.Ok(request);
    }
}

/// <summary>The French names of statuses and channels.</summary>
public static class TreatingLabels
{
    public static string Of(RequestStatus s) => s switch
    {
        RequestStatus.New => "à trier",
        RequestStatus.Waiting => "en attente d'un médecin",
        RequestStatus.Proposed => "proposée à un médecin",
        RequestStatus.Accepted => "acceptée par le médecin",
        RequestStatus.Contacted => "patient contacté",
        RequestStatus.FirstConsultation => "première consultation faite",
        RequestStatus.Declared => "déclaré à la CPAM",
        RequestStatus.Closed => "close",
        _ => "retirée",
    };

    public static string Of(RequestChannel c) => c switch
    {
        RequestChannel.Member => "adhérent",
        RequestChannel.Import => "import",
        RequestChannel.PublicForm => "formulaire public",
        _ => "équipe",
    };

    public static string Of(ProposalStatus s) => s switch
    {
        ProposalStatus.Draft => "à envoyer",
        ProposalStatus.Sent => "en attente de réponse",
        ProposalStatus.Accepted => "acceptée",
        ProposalStatus.Refused => "refusée",
        _ => "retirée",
    };

    /// <summary>The channels a request came through, in French (« adhérent, formulaire public »).</summary>
    public static string OfChannels(string channels) => string.Join(", ", (channels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(n => Enum.GetValues<RequestChannel>().Where(c => RequestMerge.ChannelName(c) == n).Select(Of).FirstOrDefault() ?? n));

    /// <summary>The button of the next step.</summary>
    public static string Action(RequestStatus to) => to switch
    {
        RequestStatus.Contacted => "Patient contacté",
        RequestStatus.FirstConsultation => "Première consultation faite",
        RequestStatus.Declared => "Déclaré à la CPAM",
        _ => "Clore la demande",
    };
}
