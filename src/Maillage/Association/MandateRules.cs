using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Association;

/// <summary>
/// The rules of mandates in the conseil d'administration and the bureau (domain-rules §5), without I/O: periods overlap when they
/// share a day (an open end runs for ever); a body has one président, one trésorier and one secrétaire at a time; a member holds one
/// mandate at a time in a body; the bureau is elected by the conseil among its members; at least one first-line doctor should sit on the
/// conseil (a warning, not a refusal).
/// </summary>
public static class MandateRules
{
    /// <summary>Médecin in TRE_G15.</summary>
    public const string Doctor = "10";

    public const string NoFirstLineDoctor =
        "Aucun médecin généraliste ne siège au conseil d'administration : les statuts d'une CPTS prévoient qu'au moins un médecin de premier "
        + "recours y siège.";

    /// <summary>
    /// The TRE_R38 specialties of general medicine, the first-line doctors: SM54 « Médecine générale » (the DES since 2017), SM53
    /// « Spécialiste en Médecine générale » and SM26 « Qualifié en Médecine générale » (the older qualifications).
    /// </summary>
    public static IReadOnlySet<string> GeneralMedicine { get; } = new HashSet<string>(["SM26", "SM53", "SM54"], StringComparer.Ordinal);

    /// <summary>Offices one person holds at a time in a body (vice-présidents and plain seats may be several).</summary>
    public static bool IsSingleSeat(Office office) => office is Office.President or Office.Treasurer or Office.Secretary;

    /// <summary>Whether two periods share at least one day; a null end is open (the mandate runs).</summary>
    public static bool Overlap(DateOnly aFrom, DateOnly? aTo, DateOnly bFrom, DateOnly? bTo) =>
        (aTo is null || bFrom <= aTo) && (bTo is null || aFrom <= bTo);

    /// <summary>« depuis le 01/02/2025 » or « du 01/02/2025 au 31/12/2025 ».</summary>
    public static string Period(DateOnly from, DateOnly? to) =>
        to is { } end ? $"du {French.Date(from)} au {French.Date(end)}" : $"depuis le {French.Date(from)}";

    /// <summary>The conflict <paramref name="candidate"/> would create with the other mandates of its body, or null.</summary>
    public static Error? CheckOverlaps(BodyKind body, Mandate candidate, IEnumerable<Mandate> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        foreach (var other in others.Where(o => o.Id != candidate.Id && Overlap(candidate.From, candidate.To, o.From, o.To)))
        {
            if (other.MemberId == candidate.MemberId)
            {
                return new Error("member_overlap", $"Cet adhérent siège déjà {AssociationLabels.InBody(body)} ({Period(other.From, other.To)}) : "
                    + "un seul mandat à la fois dans une instance ; terminez d'abord celui-là.", "memberId", ErrorKind.Conflict);
            }

            if (IsSingleSeat(candidate.Office) && other.Office == candidate.Office)
            {
                return new Error("office_taken", $"Le poste de {AssociationLabels.Office(candidate.Office, body)} {AssociationLabels.InBody(body)} est déjà "
                    + $"occupé ({Period(other.From, other.To)}) : un(e) seul(e) à la fois ; terminez d'abord ce mandat.", "office", ErrorKind.Conflict);
            }
        }

        return null;
    }

    /// <summary>
    /// A bureau seat from <paramref name="from"/> needs a running seat in the conseil (started on or before that day, not ended): the
    /// bureau is elected by the conseil among its members.
    /// </summary>
    public static Error? CheckBureauSeat(DateOnly from, IEnumerable<Mandate> boardMandatesOfMember) =>
        boardMandatesOfMember.Any(m => m.From <= from && m.To is null)
            ? null
            : new Error("board_seat_required", $"Le bureau est élu par le conseil d'administration parmi ses membres : cet adhérent n'y a pas de mandat "
                + $"en cours le {French.Date(from)}. Enregistrez d'abord son mandat au conseil d'administration.", "memberId", ErrorKind.Conflict);

    /// <summary>
    /// Ending a seat in the conseil on <paramref name="to"/> ends the member's bureau mandates still running that day, on the same day;
    /// refused when a bureau mandate of the member starts after it.
    /// </summary>
    public static Result<IReadOnlyList<Mandate>> BureauSeatsEndingWith(DateOnly to, IEnumerable<Mandate> bureauMandatesOfMember)
    {
        var running = bureauMandatesOfMember.Where(m => m.To is null || m.To > to).ToList();
        if (running.FirstOrDefault(m => m.From > to) is { } later)
        {
            return new Error("bureau_after_end", $"Cet adhérent siège au bureau {Period(later.From, later.To)}, après le {French.Date(to)} : "
                + "terminez d'abord son mandat au bureau.", "to", ErrorKind.Conflict);
        }

        return Result<IReadOnlyList<Mandate>>.Ok(running);
    }

    /// <summary>A first-line doctor: a médecin (TRE_G15 10) in general medicine (<see cref="GeneralMedicine"/>).</summary>
    public static bool IsFirstLineDoctor(string? profession, string? specialty) =>
        profession == Doctor && specialty is not null && GeneralMedicine.Contains(specialty);

    /// <summary>The warnings about the conseil's composition, from the profession and specialty of each current seat (null for a structure).</summary>
    public static IReadOnlyList<string> BoardWarnings(IEnumerable<(string? Profession, string? Specialty)> currentSeats) =>
        currentSeats.Any(s => IsFirstLineDoctor(s.Profession, s.Specialty)) ? [] : [NoFirstLineDoctor];
}
