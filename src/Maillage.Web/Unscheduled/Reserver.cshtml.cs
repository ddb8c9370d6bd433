using Maillage.Platform.Errors;
using Maillage.Territories.Published;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Sas;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// A registrar books a slot for a patient: the free slots of the next 48 hours (or the window chosen), near a commune or an EPCI, of a
/// profession and a kind, as a list that reads on a phone; then the patient's form. Booked, the confirmation opens; a slot someone else
/// just won is refused in French with the next free slots. With <c>deplacer</c>, the same list moves an existing booking. A SAS regulator
/// arrives from a slot's address with <c>origin=sas</c> (docs/sas-guide.md §6.3): after the terms at its first sign-in, it gets that slot's
/// form only, with origin SAS; without <c>origin=sas</c> its account gets nothing here.
/// </summary>
public sealed class ReserverModel(ReadSnp read, SearchSlots search, BookSlot book, GeoCatalog geo, SasRegulatorDesk desk) : SnpPageModel, IRefusesForms
{
    /// <summary>What a SAS regulator's account is told when it does not arrive from the SAS.</summary>
    public const string RegulatorOnlyFromSas = "Ce compte de régulation du SAS ne sert qu'à réserver un créneau ouvert depuis la plateforme SAS : "
        + "ouvrez le lien du créneau depuis le SAS.";

    [BindProperty(SupportsGet = true)] public string? Near { get; set; }

    [BindProperty(SupportsGet = true)] public string? Profession { get; set; }

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? Jour { get; set; }

    [BindProperty(SupportsGet = true)] public int? Heures { get; set; }

    /// <summary>The slot chosen, whose booking form is shown.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Slot { get; set; }

    /// <summary>A booking being moved (reschedule).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Deplacer { get; set; }

    public Maillage.Unscheduled.SnpScope? Scope { get; private set; }

    public IReadOnlyList<FreeSlot> Slots { get; private set; } = [];

    public FreeSlot? Chosen { get; private set; }

    public string? NearName { get; private set; }

    /// <summary>The slot a SAS regulator opened (the page then shows its form only).</summary>
    public RegulatorSlot? RegulatorSlot { get; private set; }

    /// <summary>Why the page is refused, when it is not the registrars' sentence (a regulator not arriving from the SAS).</summary>
    public string? ForbiddenText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct);

    public async Task<IActionResult> OnPostBookAsync(Guid id, Guid slotId, string? familyName, string? givenName, DateOnly? birthDate, string? phone,
        string? email, string? nir, string? reason, string? origin, CancellationToken ct)
    {
        Slot = slotId;
        var actor = HttpContext.GetActor();
        var regulator = await desk.OfAsync(actor, ct);
        if (regulator is not null && RegulatorRefusal(regulator) is { } refused)
        {
            return refused;
        }

        var input = new PatientInput(familyName, givenName, birthDate, phone, email, nir, reason, origin);
        var result = regulator is null ? await book.RunAsync(id, slotId, input, actor, ct)
            : await book.RunForRegulatorAsync(id, slotId, input with { Origin = null }, actor, ct);
        if (result.Succeeded)
        {
            return Redirect($"/cpts/{id}/snp/reservations/{result.Value!.Id}" + (regulator is null ? "" : "?origin=sas"));
        }

        Outcome(result.Errors, null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid bookingId, Guid slotId, CancellationToken ct)
    {
        var result = await book.RescheduleAsync(id, bookingId, slotId, null, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            return Redirect($"/cpts/{id}/snp/reservations/{result.Value!.Id}");
        }

        Deplacer = bookingId;
        Outcome(result.Errors, null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct)
    {
        Slot = arguments.Get<Guid?>("slotId") ?? Slot;
        Outcome(errors, null);
        return await PageAsync(arguments.Get<Guid>("id"), ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (await desk.OfAsync(actor, ct) is { } regulator)
        {
            return await RegulatorPageAsync(id, regulator, actor, ct);
        }

        var scope = await read.ScopeAsync(id, actor, ct);
        if (!scope.Succeeded)
        {
            return NotFound();
        }

        Scope = scope.Value!;
        if (!Scope.Books)
        {
            return ForbiddenPage();
        }

        var here = Scope.Tenant.Clock;
        var near = Near?.Trim();
        if (!string.IsNullOrEmpty(near) && geo.Find(near.ToUpperInvariant()) is null && !geo.Epcis.ContainsKey(near)
            && geo.Search(near, 1) is [var hit, ..])
        {
            near = hit.Unit.Code;
        }

        NearName = string.IsNullOrEmpty(near) ? null : geo.Find(near.ToUpperInvariant())?.Name ?? geo.Epcis.GetValueOrDefault(near)?.Name;
        DateTimeOffset? from = Jour is { } day && day > Scope.Today ? here.StartOf(day) : null;
        var hours = Math.Clamp(Heures ?? 48, 1, 24 * 14);
        var to = (from ?? here.UtcNow).AddHours(hours);
        var found = await search.RunAsync(id, new SlotQuery(from, to, near, Profession, Kind), actor, ct);
        if (!found.Succeeded)
        {
            Errors = [.. Errors, .. found.Errors];
            if (Response.StatusCode < 400)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }
        }
        else
        {
            Slots = found.Value!;
        }

        if (Slot is { } chosen)
        {
            Chosen = Slots.FirstOrDefault(s => s.SlotId == chosen)
                ?? (await search.RunAsync(id, new SlotQuery(To: here.UtcNow.AddDays(SnpRules.HorizonDays + 1)), actor, ct)).Value?.FirstOrDefault(s => s.SlotId == chosen);
        }

        return Page();
    }

    /// <summary>A SAS regulator's page: the slot it opened from the SAS, nothing else of the CPTS.</summary>
    private async Task<IActionResult> RegulatorPageAsync(Guid id, SasRegulator regulator, Maillage.Platform.Tenancy.Actor actor, CancellationToken ct)
    {
        if (RegulatorRefusal(regulator) is { } refused)
        {
            return refused;
        }

        var found = Slot is { } slotId ? await desk.SlotAsync(id, slotId, actor, ct) : Error.NotFound("Créneau");
        if (!found.Succeeded)
        {
            return found.Errors.Max(e => e.Kind) == ErrorKind.Forbidden ? RegulatorForbidden() : NotFound();
        }

        RegulatorSlot = found.Value!;
        if (!RegulatorSlot.Free && !Errors.Any(e => e.Code == "slot_taken"))
        {
            Errors = [.. Errors, new Error("slot_unavailable", "Ce créneau n'est plus libre : retournez au SAS pour en choisir un autre.", "slotId", ErrorKind.Conflict)];
        }

        return Page();
    }

    /// <summary>A regulator's account is usable only arriving from the SAS, habilitated, once the terms are accepted.</summary>
    private IActionResult? RegulatorRefusal(SasRegulator regulator)
    {
        if (!string.Equals(Request.Query["origin"].ToString(), "sas", StringComparison.OrdinalIgnoreCase) || !regulator.Active)
        {
            return RegulatorForbidden();
        }

        return regulator.TermsAcceptedAt is null
            ? Redirect("/sas/conditions?returnUrl=" + Uri.EscapeDataString($"{Request.Path}?slot={Slot}&origin=sas"))
            : null;
    }

    private PageResult RegulatorForbidden()
    {
        ForbiddenText = RegulatorOnlyFromSas;
        return ForbiddenPage();
    }
}
