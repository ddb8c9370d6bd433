using Maillage.Unscheduled;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Unscheduled;

/// <summary>« Mes réservations »: a registrar's own bookings (the coordinator's: all of the CPTS) of the last 30 days and to come; cancel, move.</summary>
public sealed class ReservationsModel(ReadSnp read, CancelBooking cancel) : SnpPageModel
{
    public SnpScope? Scope { get; private set; }

    public IReadOnlyList<BookingLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid bookingId, int? version, CancellationToken ct)
    {
        var result = await cancel.RunAsync(id, bookingId, null, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "La réservation est annulée ; le créneau est de nouveau libre.");
        return await PageAsync(id, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
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

        var lines = await read.BookingsAsync(id, actor, null, ct);
        // The coordinator who is also an effector sees all; a registrar sees those it made.
        Lines = [.. (lines.Value ?? []).Where(l => Scope.Manages || l.Booking.BookedById == actor.UserId)];
        return Page();
    }
}
