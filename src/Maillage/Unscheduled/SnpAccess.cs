using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Unscheduled;

/// <summary>
/// How the actor stands towards a CPTS's unscheduled care: the coordinator (or an admin) runs it and books; an enrolled registrar books
/// and sees the bookings it made; an effector keeps its own agenda and sees who is booked in it; an officer steering the CPTS reads the
/// statistics, never a patient.
/// </summary>
public sealed record SnpScope(Tenant Tenant, Effector? Effector, Registrar? Registrar)
{
    public Guid CptsId => Tenant.Id;

    public DateOnly Today => Tenant.Today;

    /// <summary>Runs the service: enrols effectors and registrars, sees every agenda and booking.</summary>
    public bool Manages => Tenant.Manages;

    /// <summary>May book slots for patients: the coordinator and the active registrars.</summary>
    public bool Books => Manages || Registrar is { Active: true };

    /// <summary>Keeps an agenda: an active effector.</summary>
    public bool IsEffector => Effector is { Active: true };

    /// <summary>Reads the statistics (no patient in them).</summary>
    public bool ReadsStatistics => Manages || Tenant.Steers || IsEffector;

    /// <summary>Whether the actor may open, edit and withdraw the slots of this effector: the effector itself or the coordinator.</summary>
    public bool KeepsAgendaOf(Guid effectorId) => Manages || Effector is { Active: true } e && e.Id == effectorId;

    /// <summary>The origin a booking by this actor carries unless it says otherwise.</summary>
    public BookingOrigin DefaultOrigin => Registrar?.Origin ?? BookingOrigin.Platform;
}

/// <summary>The one way a request reaches the unscheduled care of a CPTS (not found when the actor may not read the CPTS).</summary>
public sealed class SnpAccess(Tenancy tenancy, SnpStanding standing)
{
    public async Task<Result<SnpScope>> ResolveAsync(Guid cptsId, Actor actor, CancellationToken ct)
    {
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        return tenant.Succeeded ? Result<SnpScope>.Ok(await standing.OfAsync(tenant.Value!, ct)) : Result<SnpScope>.Fail(tenant.Errors);
    }

    /// <summary>The scope when <paramref name="may"/> lets the actor in; forbidden otherwise.</summary>
    public async Task<Result<SnpScope>> RequireAsync(Guid cptsId, Actor actor, Func<SnpScope, bool> may, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(may);
        var scope = await ResolveAsync(cptsId, actor, ct);
        return scope.Succeeded && !may(scope.Value!) ? Error.Forbidden() : scope;
    }
}
