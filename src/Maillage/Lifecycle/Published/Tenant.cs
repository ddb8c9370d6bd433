using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;

namespace Maillage.Lifecycle.Published;

/// <summary>
/// The CPTS a request is about, as the caller stands towards it: resolved once by <see cref="Tenancy"/> (never for a CPTS the caller may not
/// read), with its local clock. Every module decides its own rights from these facts; none re-reads who may see the CPTS.
/// </summary>
public sealed class Tenant
{
    public Tenant(CptsInfo cpts, Actor actor, LocalClock clock)
    {
        ArgumentNullException.ThrowIfNull(cpts);
        ArgumentNullException.ThrowIfNull(actor);
        (Cpts, Actor, Clock) = (cpts, actor, clock);
        Manages = actor.Role == Role.Admin || (actor.Role == Role.Coordinator && actor.CptsId == cpts.Id);
        Steers = SteersTerritory(actor, cpts.DepartementCodes, cpts.RegionCodes);
        Belongs = actor.Role is Role.Coordinator or Role.Member && actor.CptsId == cpts.Id;
        IsMemberAccount = actor.Role == Role.Member && actor.CptsId == cpts.Id;
    }

    public CptsInfo Cpts { get; }

    public Actor Actor { get; }

    /// <summary>The time of the CPTS's territory: its « today », the local hour of its meetings.</summary>
    public LocalClock Clock { get; }

    public Guid Id => Cpts.Id;

    public string Name => Cpts.Name;

    public DateOnly Today => Clock.Today;

    /// <summary>Runs the CPTS: its coordinator, or an admin (identity, letter, members, association, campaigns).</summary>
    public bool Manages { get; }

    /// <summary>Steers it for the funders: an ARS or CPAM officer whose scope covers its territory, or an admin (overrides, contract, decisions).</summary>
    public bool Steers { get; }

    /// <summary>Shapes its territory and stage: those who run it and those who steer it.</summary>
    public bool Shapes => Manages || Steers;

    /// <summary>One of its own: its coordinator's or a member's account.</summary>
    public bool Belongs { get; }

    /// <summary>A member's account of this CPTS (not its coordinator's).</summary>
    public bool IsMemberAccount { get; }

    /// <summary>The adhérent the account says it speaks for, when it is one of this CPTS's accounts; its module checks it.</summary>
    public Guid? ClaimedMemberId => Belongs ? Actor.MemberId : null;

    /// <summary>An admin, or an officer whose région or département holds part of the territory: the rule behind <see cref="Steers"/>.</summary>
    public static bool SteersTerritory(Actor actor, IEnumerable<string> departements, IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Role.Admin || (actor.IsOfficer && actor.Steers(departements, regions));
    }

    public override string ToString() => $"{Actor} on {Cpts}";
}
