using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Unscheduled;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// An effector's agenda (its own; the coordinator chooses one): the week's slots by day, free or booked (the patient shown to the effector
/// and the coordinator only), the forms to open a slot, add, edit or delete a weekly pattern, withdraw a free slot, record an outcome; and
/// « Ma journée », the day's bookings.
/// </summary>
public sealed class AgendaModel(ReadSnp read, OpenSlot open, SavePattern patterns, RecordOutcome outcomes) : SnpPageModel, IRefusesForms
{
    [BindProperty(SupportsGet = true)]
    public Guid? EffectorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Semaine { get; set; }

    public AgendaView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct);

    public async Task<IActionResult> OnPostOpenSlotAsync(Guid id, Guid? placeId, DateOnly? day, string? startTime, int? minutes, string? kind, string[]? audience,
        CancellationToken ct)
    {
        var result = await open.RunAsync(id, new SlotInput(EffectorId, placeId, day, startTime, minutes, kind, audience), HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Succeeded ? "Le créneau est ouvert." : null);
        if (result.Succeeded && day is { } d)
        {
            Semaine = d;
        }

        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostPatternAsync(Guid id, Guid? patternId, Guid? placeId, int[]? weekdays, string? startTime, string? endTime,
        int? slotMinutes, string? kind, string[]? audience, DateOnly? validFrom, DateOnly? validTo, DateOnly?[]? absenceFrom, DateOnly?[]? absenceTo,
        string?[]? absenceReason, int? version, CancellationToken ct)
    {
        var absences = new List<AbsenceInput>();
        for (var i = 0; i < (absenceFrom?.Length ?? 0); i++)
        {
            absences.Add(new AbsenceInput(absenceFrom![i], absenceTo?.ElementAtOrDefault(i), absenceReason?.ElementAtOrDefault(i)));
        }

        var result = await patterns.RunAsync(id, patternId, new PatternInput(EffectorId, placeId, weekdays, startTime, endTime, slotMinutes, kind, audience,
            validFrom, validTo, absences, version), HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Succeeded
            ? $"Semaine type enregistrée : {French.Count(result.Value!.Opened, "créneau ouvert", "créneaux ouverts")}, {French.Count(result.Value.Withdrawn, "créneau libre retiré", "créneaux libres retirés")}."
            : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDeletePatternAsync(Guid id, Guid patternId, CancellationToken ct)
    {
        var result = await patterns.DeleteAsync(id, patternId, HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Succeeded ? $"Semaine type supprimée : {French.Count(result.Value, "créneau libre retiré", "créneaux libres retirés")}." : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid slotId, CancellationToken ct)
    {
        var result = await open.WithdrawAsync(id, slotId, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "Le créneau est retiré.");
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid bookingId, string? outcome, string? redirectedTo, int? version, CancellationToken ct)
    {
        var result = await outcomes.RunAsync(id, bookingId, outcome, redirectedTo, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Succeeded ? $"Issue enregistrée : {result.Value!.Outcome!.Value.French()}." : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct)
    {
        Outcome(errors, null);
        return await PageAsync(arguments.Get<Guid>("id"), ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken ct)
    {
        var result = await read.AgendaAsync(id, EffectorId, Semaine, HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            var kind = result.Errors.Max(e => e.Kind);
            if (kind == ErrorKind.Validation)
            {
                // No effector yet: the page says so.
                Errors = result.Errors;
                return Page();
            }

            if (kind == ErrorKind.Forbidden)
            {
                return ForbiddenPage();
            }

            return NotFound();
        }

        View = result.Value;
        EffectorId = View!.Effector.Id;
        return Page();
    }
}
