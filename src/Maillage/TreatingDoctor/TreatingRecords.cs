using Maillage.Platform.Persistence;
using Maillage.TreatingDoctor.Assignment;

namespace Maillage.TreatingDoctor;

/// <summary>How a request reached the CPTS.</summary>
public enum RequestChannel
{
    /// <summary>Filed by a member (pharmacist, nurse, medical secretary) for a patient.</summary>
    Member,

    /// <summary>A line of a list the CPTS team imported (e.g. the CPAM's).</summary>
    Import,

    /// <summary>The patient's own filing on the public form.</summary>
    PublicForm,

    /// <summary>Typed by the CPTS team (a phone call, a letter).</summary>
    Team,
}

/// <summary>
/// Where a request stands: New (to triage) → Waiting (in the queue) → Proposed (a proposal sent to a doctor) → Accepted (the doctor said yes)
/// → Contacted (the patient knows) → FirstConsultation → Declared (to the CPAM) → Closed; Withdrawn ends it otherwise. A refusal takes a
/// Proposed request back to Waiting.
/// </summary>
public enum RequestStatus
{
    New,
    Waiting,
    Proposed,
    Accepted,
    Contacted,
    FirstConsultation,
    Declared,
    Closed,
    Withdrawn,
}

/// <summary>Where a proposal stands: Draft (the assignment's, for the coordinator to review) → Sent → Accepted | Refused; Withdrawn.</summary>
public enum ProposalStatus
{
    Draft,
    Sent,
    Accepted,
    Refused,
    Withdrawn,
}

/// <summary>Criteria as stored: one bit per <see cref="Criterion"/>.</summary>
public static class CriteriaMask
{
    public static int Of(IEnumerable<Criterion> criteria) => criteria.Aggregate(0, (m, c) => m | (1 << (int)c));

    public static IReadOnlyList<Criterion> Read(int mask) => [.. Enum.GetValues<Criterion>().Where(c => (mask & (1 << (int)c)) != 0)];

    public static int All { get; } = Of(Enum.GetValues<Criterion>());
}

/// <summary>
/// A patient without a treating doctor, as filed (identity, where they live, their priority criteria and constraints, their consent) and as
/// followed by the CPTS team until the doctor is declared to the CPAM. Personal and health data: read by the team and the doctor it is
/// proposed to only, every read audited, anonymised some months after closure.
/// </summary>
public sealed class TreatingRequest : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>The channel of the first filing.</summary>
    public RequestChannel Channel { get; set; }

    /// <summary>Every channel it came through (a duplicate merged in adds its own), comma-separated names.</summary>
    public string Channels { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    /// <summary>The account that filed it (none for the public form).</summary>
    public string? FiledById { get; set; }

    /// <summary>Who filed it as shown to the team (« Pharmacie X — Mme Y », « Import CPAM 11/2026 », « Formulaire public »).</summary>
    public string FiledBy { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public string GivenName { get; set; } = "";

    public DateOnly BirthDate { get; set; }

    /// <summary>INSEE code of the commune of residence (a territory unit: an arrondissement for Paris, Lyon, Marseille).</summary>
    public string CommuneCode { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>NIR, key-checked, stored normalised; optional.</summary>
    public string? Nir { get; set; }

    /// <summary>Priority criteria, one bit per <see cref="Criterion"/> (<see cref="CriteriaMask"/>).</summary>
    public int Criteria { get; set; }

    /// <summary>The doctor has to come to the patient.</summary>
    public bool HomeVisit { get; set; }

    /// <summary>When the patient's consent was given (by them on the form, or reported by the filer).</summary>
    public DateTimeOffset ConsentAt { get; set; }

    /// <summary>The version of the consent text shown.</summary>
    public string ConsentVersion { get; set; } = "";

    /// <summary>The team's triage notes (and the notes of merged duplicates).</summary>
    public string? Notes { get; set; }

    /// <summary>A complex case referred to the DAC (dispositif d'appui à la coordination).</summary>
    public bool ReferredToDac { get; set; }

    public RequestStatus Status { get; set; }

    /// <summary>When the status last changed: stale steps are measured from it.</summary>
    public DateTimeOffset StatusAt { get; set; }

    /// <summary>The volunteer who accepted the patient.</summary>
    public Guid? VolunteerId { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? DeclaredAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why it was withdrawn (found a doctor alone, unreachable, moved away…).</summary>
    public string? ClosingReason { get; set; }

    /// <summary>Set when this request was a duplicate, merged into that one (it then leaves every list).</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>When its identity was erased after the retention period (the counts stay).</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<Criterion> CriteriaList => CriteriaMask.Read(Criteria);

    public string Name => $"{GivenName} {FamilyName}".Trim();

    /// <summary>Still in the desk's hands (not closed, withdrawn nor merged).</summary>
    public bool Open => MergedIntoId is null && Status is not (RequestStatus.Closed or RequestStatus.Withdrawn);

    public int AgeOn(DateOnly day) => day.Year - BirthDate.Year - (day.DayOfYear < BirthDate.DayOfYear ? 1 : 0);
}

/// <summary>
/// A doctor of the directory (an adhérent of the CPTS) who takes new patients: how many a month, which criteria, home visits, beyond their
/// département, paused or not. Name and RPPS are copied from the directory when enrolled.
/// </summary>
public sealed class TreatingVolunteer : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>The adhérent (Membership) whose account answers the proposals.</summary>
    public Guid MemberId { get; set; }

    public string Rpps { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public string GivenName { get; set; } = "";

    /// <summary>INSEE code of the commune where they practise.</summary>
    public string CommuneCode { get; set; } = "";

    /// <summary>New patients a month.</summary>
    public int MonthlyCapacity { get; set; }

    /// <summary>The criteria they accept, one bit each; null for all patients (criteria or not).</summary>
    public int? Accepts { get; set; }

    public bool HomeVisits { get; set; }

    /// <summary>Takes patients beyond their département.</summary>
    public bool Beyond { get; set; }

    /// <summary>Paused: no proposal while set.</summary>
    public bool Paused { get; set; }

    /// <summary>Withdrawn from the desk when false.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset EnrolledAt { get; set; }

    public int Version { get; set; }

    public string Name => $"Dr {GivenName} {FamilyName}".Trim();

    public IReadOnlyList<Criterion>? AcceptsList => Accepts is { } m ? CriteriaMask.Read(m) : null;
}

/// <summary>A request proposed to a volunteer: by an assignment run (Draft, then sent by the coordinator) or by hand; answered by the doctor.</summary>
public sealed class TreatingProposal : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid RequestId { get; set; }

    public Guid VolunteerId { get; set; }

    /// <summary>The assignment run that proposed it (none when the coordinator chose the doctor).</summary>
    public Guid? RunId { get; set; }

    public ProximityLevel Level { get; set; }

    public long Score { get; set; }

    public double Value { get; set; }

    /// <summary>Why this doctor, as the run explained it (level, score's making).</summary>
    public string Explanation { get; set; } = "";

    public ProposalStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the coordinator last reminded the doctor (a new answer link, valid 30 days from then), if ever.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>The doctor's reason, when refused.</summary>
    public string? RefusalReason { get; set; }

    /// <summary>SHA-256 of the secret of the answer link sent by e-mail (the secret itself is never stored).</summary>
    public string? AnswerTokenHash { get; set; }

    public int Version { get; set; }

    /// <summary>Holds the request: a draft, a proposal waiting for its answer, or accepted.</summary>
    public bool Live => Status is ProposalStatus.Draft or ProposalStatus.Sent or ProposalStatus.Accepted;
}

/// <summary>One run of the assignment on a CPTS's open requests and volunteers (a dry run stores nothing but this line).</summary>
public sealed class TreatingRun : ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public DateTimeOffset At { get; set; }

    public string ById { get; set; } = "";

    public string ByName { get; set; } = "";

    public string RuleSetId { get; set; } = "";

    public bool DryRun { get; set; }

    public int Requests { get; set; }

    public int Doctors { get; set; }

    public int Assigned { get; set; }

    public double Objective { get; set; }

    public long ElapsedMs { get; set; }
}
