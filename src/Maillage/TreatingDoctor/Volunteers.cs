using Maillage.Directory.Published;
using Maillage.Membership.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor;

/// <summary>What a volunteer declares: new patients a month, the criteria accepted (null or empty: all patients), home visits, beyond the
/// département, paused; the commune of practice (defaults to the directory's).</summary>
public sealed record VolunteerInput(int? MonthlyCapacity, IReadOnlyList<string>? Accepts, bool HomeVisits, bool Beyond, bool Paused = false,
    string? CommuneCode = null, int? Version = null);

/// <summary>
/// The coordinator enrols a doctor adhérent (general practitioner, in the directory with their RPPS) as a volunteer; the volunteer (or the
/// coordinator) changes what they declare, pauses or resumes; the coordinator withdraws them (their waiting proposals are withdrawn and
/// the requests go back to the queue).
/// </summary>
public sealed class SaveVolunteer(MaillageDbContext db, TreatingAccess access, MemberRoll roll, DirectoryLookup directory, GeoCatalog geo, AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxMonthlyCapacity = 200;

    public async Task<Result<TreatingVolunteer>> EnrollAsync(Guid cptsId, Guid? memberId, VolunteerInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingVolunteer>.Fail(scope.Errors);
        }

        var member = await roll.EligibleAsync(cptsId, memberId, "memberId", ct);
        if (!member.Succeeded)
        {
            return Result<TreatingVolunteer>.Fail(member.Errors);
        }

        var m = member.Value!;
        var professionalId = m.Rpps is { } rpps ? await directory.ProfessionalIdAsync(rpps, ct) : null;
        var card = professionalId is { } pid ? (await directory.ProfessionalsAsync([pid], ct)).GetValueOrDefault(pid) : null;
        if (card is null || card.ProfessionCode != "10")
        {
            return new Error("not_a_doctor", "Seul un médecin adhérent, avec son RPPS dans l'annuaire, peut devenir médecin traitant volontaire.", "memberId");
        }

        var communes = await directory.PracticeCommunesAsync(card.Id, ct);
        var existing = await db.TreatingVolunteers().FirstOrDefaultAsync(v => v.MemberId == m.Id, ct);
        if (existing is { Active: true })
        {
            return new Error("already_volunteer", $"Le Dr {card.FirstName} {card.LastName} est déjà volontaire.", "memberId", ErrorKind.Conflict);
        }

        var volunteer = existing ?? new TreatingVolunteer { Id = Guid.NewGuid(), CptsId = cptsId, MemberId = m.Id };
        var errors = Apply(volunteer, input with { CommuneCode = input.CommuneCode ?? (communes.Count > 0 ? communes[0] : null) });
        if (errors.Count > 0)
        {
            return Result<TreatingVolunteer>.Fail(errors);
        }

        (volunteer.Rpps, volunteer.FamilyName, volunteer.GivenName, volunteer.Active, volunteer.EnrolledAt) =
            (card.Rpps, card.LastName, card.FirstName, true, clock.GetUtcNow());
        if (existing is null)
        {
            db.TreatingVolunteers().Add(volunteer);
        }

        audit.Record(actor, cptsId, "treating.volunteer-enrolled", $"Volontaire {volunteer.Id} : adhérent {m.Id}, {volunteer.MonthlyCapacity} par mois.");
        return await db.SaveAsync(volunteer, ct, taken: new Error("already_volunteer", "Ce médecin vient d'être inscrit comme volontaire.", "memberId", ErrorKind.Conflict));
    }

    /// <summary>Changes what a volunteer declares: the volunteer themself or the coordinator.</summary>
    public async Task<Result<TreatingVolunteer>> ChangeAsync(Guid cptsId, Guid volunteerId, VolunteerInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.ResolveAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingVolunteer>.Fail(scope.Errors);
        }

        var volunteer = await db.TreatingVolunteers().FirstOrDefaultAsync(v => v.Id == volunteerId, ct);
        if (volunteer is null || !volunteer.Active)
        {
            return Error.NotFound("Médecin volontaire");
        }

        if (!scope.Value!.Manages && scope.Value.Volunteer?.Id != volunteer.Id)
        {
            return Error.Forbidden();
        }

        if (input.Version is { } v && v != volunteer.Version)
        {
            return Error.Stale();
        }

        var errors = Apply(volunteer, input with { CommuneCode = input.CommuneCode ?? volunteer.CommuneCode });
        if (errors.Count > 0)
        {
            return Result<TreatingVolunteer>.Fail(errors);
        }

        audit.Record(actor, cptsId, "treating.volunteer-changed",
            $"Volontaire {volunteer.Id} : {volunteer.MonthlyCapacity} par mois{(volunteer.Paused ? ", en pause" : "")}.");
        return await db.SaveAsync(volunteer, ct);
    }

    /// <summary>Withdraws a volunteer: drafts and proposals waiting for them are withdrawn, their requests back in the queue.</summary>
    public async Task<Result<TreatingVolunteer>> WithdrawAsync(Guid cptsId, Guid volunteerId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<TreatingVolunteer>.Fail(scope.Errors);
        }

        var volunteer = await db.TreatingVolunteers().FirstOrDefaultAsync(v => v.Id == volunteerId && v.Active, ct);
        if (volunteer is null)
        {
            return Error.NotFound("Médecin volontaire");
        }

        var now = clock.GetUtcNow();
        var pending = await db.TreatingProposals().Where(p => p.VolunteerId == volunteerId
            && (p.Status == ProposalStatus.Draft || p.Status == ProposalStatus.Sent)).ToListAsync(ct);
        var requestIds = pending.Select(p => p.RequestId).ToList();
        var requests = await db.TreatingRequests().Where(r => requestIds.Contains(r.Id) && r.Status == RequestStatus.Proposed).ToListAsync(ct);
        foreach (var p in pending)
        {
            (p.Status, p.AnswerTokenHash) = (ProposalStatus.Withdrawn, null);
        }

        foreach (var r in requests)
        {
            (r.Status, r.StatusAt) = (RequestStatus.Waiting, now);
        }

        volunteer.Active = false;
        audit.Record(actor, cptsId, "treating.volunteer-withdrawn", $"Volontaire {volunteer.Id} retiré ; {pending.Count} propositions retirées.");
        return await db.SaveAsync(volunteer, ct);
    }

    private List<Error> Apply(TreatingVolunteer volunteer, VolunteerInput input)
    {
        var errors = new List<Error>();
        if (input.MonthlyCapacity is not { } capacity || capacity < 0 || capacity > MaxMonthlyCapacity)
        {
            errors.Add(new Error("capacity_invalid", $"Indiquez combien de nouveaux patients par mois (de 0 à {MaxMonthlyCapacity}).", "monthlyCapacity"));
        }

        int? accepts = null;
        if (input.Accepts is { Count: > 0 } names && names.Any(n => !string.IsNullOrWhiteSpace(n) && n != "all"))
        {
            accepts = 0;
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n) && n != "all"))
            {
                if (RequestRules.TryCriterion(name.Trim(), out var c))
                {
                    accepts |= 1 << (int)c;
                }
                else
                {
                    errors.Add(new Error("unknown_criterion", $"Critère inconnu : « {name} ».", "accepts"));
                }
            }
        }

        var commune = (input.CommuneCode ?? "").Trim().ToUpperInvariant();
        if (geo.Find(commune) is not { IsTerritoryUnit: true })
        {
            errors.Add(new Error("unknown_commune", string.IsNullOrEmpty(commune)
                ? "Indiquez la commune où exerce le médecin (l'annuaire n'en donne pas)."
                : $"« {input.CommuneCode} » n'est pas le code INSEE d'une commune.", "communeCode"));
        }

        if (errors.Count == 0)
        {
            (volunteer.MonthlyCapacity, volunteer.Accepts, volunteer.HomeVisits, volunteer.Beyond, volunteer.Paused, volunteer.CommuneCode) =
                (input.MonthlyCapacity!.Value, accepts, input.HomeVisits, input.Beyond, input.Paused, commune);
        }

        return errors;
    }
}
