using Maillage.Platform.Errors;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Sas;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// The printable confirmation of a booking (date and hour at the CPTS's hour, effector, address, what to bring), for the registrar who
/// booked it, the effector of its slot and the coordinator; every read audited. Cancel and move from here. A SAS regulator reads the
/// bookings it made, arriving from the SAS (<c>origin=sas</c>) only, without the registrars' actions.
/// </summary>
public sealed class ReservationModel(ReadBooking read, CancelBooking cancel, ReadSasSend sas, ResendSasAppointment resend, SasRegulatorDesk desk) : SnpPageModel
{
    public BookingView? View { get; private set; }

    /// <summary>Where the appointment stands with the SAS, for the coordinator, when a SAS regulator took it.</summary>
    public SasSendState? Sas { get; private set; }

    /// <summary>The reader is a SAS regulator: neither move nor cancel here.</summary>
    public bool ByRegulator { get; private set; }

    /// <summary>Why the page is refused, when it is not the usual sentence.</summary>
    public string? ForbiddenText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid bookingId, CancellationToken ct) => await PageAsync(id, bookingId, ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid bookingId, string? reason, int? version, CancellationToken ct)
    {
        var result = await cancel.RunAsync(id, bookingId, reason, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "La réservation est annulée ; le créneau est de nouveau libre.");
        return await PageAsync(id, bookingId, ct);
    }

    public async Task<IActionResult> OnPostResendSasAsync(Guid id, Guid bookingId, CancellationToken ct)
    {
        var result = await resend.RunAsync(id, bookingId, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "Le rendez-vous repart vers le SAS au prochain envoi (dans la minute).");
        return await PageAsync(id, bookingId, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, Guid bookingId, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var regulator = await desk.OfAsync(actor, ct);
        ByRegulator = regulator is not null;
        if (regulator is not null && !string.Equals(Request.Query["origin"].ToString(), "sas", StringComparison.OrdinalIgnoreCase))
        {
            ForbiddenText = ReserverModel.RegulatorOnlyFromSas;
            return ForbiddenPage();
        }

        var result = regulator is null ? await read.RunAsync(id, bookingId, actor, ct) : await desk.ReadBookingAsync(id, bookingId, actor, ct);
        if (result.Succeeded)
        {
            View = result.Value;
            Sas = regulator is null ? await sas.RunAsync(id, bookingId, actor, ct) : null;
            return Page();
        }

        if (result.Errors.Max(e => e.Kind) == ErrorKind.Forbidden)
        {
            return ForbiddenPage();
        }

        return NotFound();
    }
}
