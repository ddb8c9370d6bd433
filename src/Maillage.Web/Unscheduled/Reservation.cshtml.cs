using Maillage.Platform.Errors;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Sas;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// The printable confirmation of a booking (date and hour at the CPTS's hour, effector, address, what to bring), for the registrar who
/// booked it, the effector of its slot and the coordinator; every read audited. Cancel and move from here.
/// </summary>
public sealed class ReservationModel(ReadBooking read, CancelBooking cancel, ReadSasSend sas) : SnpPageModel
{
    public BookingView? View { get; private set; }

    /// <summary>Where the appointment stands with the SAS, for the coordinator, when a SAS regulator took it.</summary>
    public SasSendState? Sas { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid bookingId, CancellationToken ct) => await PageAsync(id, bookingId, ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid bookingId, string? reason, int? version, CancellationToken ct)
    {
        var result = await cancel.RunAsync(id, bookingId, reason, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "La réservation est annulée ; le créneau est de nouveau libre.");
        return await PageAsync(id, bookingId, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, Guid bookingId, CancellationToken ct)
    {
        var result = await read.RunAsync(id, bookingId, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            View = result.Value;
            Sas = await sas.RunAsync(id, bookingId, HttpContext.GetActor(), ct);
            return Page();
        }

        if (result.Errors.Max(e => e.Kind) == ErrorKind.Forbidden)
        {
            Forbidden = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        return NotFound();
    }
}
