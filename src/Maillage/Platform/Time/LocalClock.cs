namespace Maillage.Platform.Time;

/// <summary>
/// The time of a place: its « today », the local hour of an instant, and the instant of a date and hour typed there. Every CPTS has one,
/// from its territory (Europe/Paris in metropolitan France, Indian/Reunion, America/Martinique… in the DROM); what belongs to no CPTS is
/// in Europe/Paris. Instants are stored in UTC; dates (<see cref="DateOnly"/>) are local to the CPTS they belong to.
/// </summary>
public sealed class LocalClock(TimeProvider provider, TimeZoneInfo zone)
{
    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The clock of metropolitan France, for what belongs to no CPTS (the registry's national views, the command line).</summary>
    public static LocalClock InParis(TimeProvider provider) => new(provider, Paris);

    public TimeZoneInfo Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    public TimeProvider Provider { get; } = provider ?? throw new ArgumentNullException(nameof(provider));

    /// <summary>The IANA name of the zone, e.g. <c>Indian/Reunion</c> (iCalendar's TZID).</summary>
    public string ZoneId => Zone.Id;

    public DateTimeOffset UtcNow => Provider.GetUtcNow();

    /// <summary>Now, with the zone's offset.</summary>
    public DateTimeOffset Now => Local(UtcNow);

    /// <summary>The date it is here now.</summary>
    public DateOnly Today => DateOf(UtcNow);

    /// <summary>An instant with the zone's offset at that instant (summer or winter time).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The local date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>Whether an hour does not exist here that day (skipped when clocks go forward): a form refuses it.</summary>
    public bool IsSkipped(DateTime local) => Zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));

    /// <summary>
    /// The instant, in UTC, of a local date and hour; an hour that happens twice when clocks go back is read as standard (winter) time, as
    /// <see cref="TimeZoneInfo.ConvertTimeToUtc(DateTime, TimeZoneInfo)"/> does. A skipped hour (<see cref="IsSkipped"/>) throws.
    /// </summary>
    public DateTimeOffset At(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    public DateTimeOffset At(DateOnly day, TimeOnly time) => At(day.ToDateTime(time));

    /// <summary>The instant a local day begins (midnight here), in UTC: the bound of a period of local dates.</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);
}
