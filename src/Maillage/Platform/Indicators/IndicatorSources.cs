namespace Maillage.Platform.Indicators;

/// <summary>
/// The dates a computed figure covers, in the local time of the CPTS: from <see cref="Start"/> (included) to <see cref="End"/> (excluded).
/// Instants (a message sent, minutes approved) are counted between the CPTS's local midnights, <see cref="From"/> and <see cref="To"/>.
/// </summary>
public sealed record IndicatorPeriod(DateOnly Start, DateOnly End, TimeZoneInfo Zone)
{
    /// <summary>The last day counted.</summary>
    public DateOnly LastDay => End.AddDays(-1);

    public DateTimeOffset From => Midnight(Start);

    public DateTimeOffset To => Midnight(End);

    private DateTimeOffset Midnight(DateOnly day) => new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone), TimeSpan.Zero);
}

/// <summary>
/// A figure of the platform a contract indicator may take its values from, contributed by the module that owns the data (members, meetings,
/// declared hours…): a module adds its figures by registering sources, without touching the module that uses them.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>A stable key, lower-case, « module.figure » (<c>members.active</c>).</summary>
    string Key { get; }

    /// <summary>What it counts, in French (« Adhérents au dernier jour de la période »).</summary>
    string Label { get; }

    /// <summary>The unit of the figure, in French (« adhérents »).</summary>
    string Unit { get; }

    /// <summary>The figure for one CPTS over the period.</summary>
    Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct);
}

/// <summary>Every figure the modules contribute, in the order they were registered.</summary>
public sealed class IndicatorSources(IEnumerable<IIndicatorSource> sources)
{
    public IReadOnlyList<IIndicatorSource> All { get; } = [.. sources];

    /// <summary>The source of a key, case and spaces around ignored; null when no module computes it.</summary>
    public IIndicatorSource? Find(string? key) => All.FirstOrDefault(s => s.Key == key?.Trim().ToLowerInvariant());

    /// <summary>« members.active (Adhérents au dernier jour de la période), … » for an error message.</summary>
    public string Describe() => string.Join(", ", All.Select(s => $"{s.Key} ({s.Label})"));
}
