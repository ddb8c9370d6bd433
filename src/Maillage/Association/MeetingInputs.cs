using System.Globalization;
using System.Text.RegularExpressions;
using Maillage.Platform.Errors;
using Maillage.Platform.Time;

namespace Maillage.Association;

/// <summary>
/// A meeting as the organiser describes it. <see cref="Body"/>: <c>general-assembly</c>, <c>board</c> or <c>bureau</c> (fixed once
/// created). Dates: ISO 8601, with an offset or <c>Z</c> for an exact instant, without one for the local time of the CPTS
/// (<c>2026-06-12T18:30</c>, as a date-time field sends it). <see cref="Version"/> is required to edit an existing meeting.
/// </summary>
public sealed record MeetingInput(string? Body, string? Title, string? StartsAt, string? EndsAt, string? Location, bool Extraordinary = false,
    int? Version = null);

public sealed record AgendaItemInput(string? Title, string? Details, int? Version);

/// <summary>Every item of the agenda, in the new order.</summary>
public sealed record AgendaOrderInput(IReadOnlyList<Guid>? Order, int? Version);

/// <summary>One voter's attendance: <c>present</c>, <c>represented</c> (with the present voter holding the proxy), <c>excused</c> or
/// <c>absent</c>.</summary>
public sealed record AttendanceEntry(Guid MemberId, string? Presence, Guid? ProxyHolderId = null);

/// <summary>Attendance of some voters (the others keep theirs).</summary>
public sealed record AttendanceInput(IReadOnlyList<AttendanceEntry>? Entries, int? Version);

/// <summary>A motion: its text, the agenda item it belongs to, and its majority (<c>simple</c> or <c>two-thirds</c>; by default two
/// thirds for an extraordinary AG, simple otherwise).</summary>
public sealed record MotionInput(string? Text, Guid? AgendaItemId, string? Majority, int? Version);

/// <summary>The counts of a vote; abstentions are not votes cast.</summary>
public sealed record VoteInput(int? For, int? Against, int? Abstentions, int? Version);

public sealed record MinutesInput(string? Minutes, int? Version);

/// <summary>An action without data but the version of the meeting the user saw (convene, cancel, approve).</summary>
public sealed record VersionInput(int? Version);

/// <summary>Limits and parsing shared by the meeting use cases.</summary>
public static partial class MeetingInputs
{
    public const int MaxTitle = 200;
    public const int MaxLocation = 300;
    public const int MaxItemTitle = 300;
    public const int MaxDetails = 2000;
    public const int MaxMotion = 2000;
    public const int MaxMinutes = 50_000;

    /// <summary>« 12/06/2026 à 18:30 », the local time of the CPTS.</summary>
    public static string French(LocalClock clock, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Platform.French.Date(clock.DateOf(instant)) + " à " + clock.Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a date-time (see <see cref="MeetingInput"/>) as a UTC instant; without an offset, in the local time of the CPTS.</summary>
    public static Result<DateTimeOffset> Instant(LocalClock clock, string? value, string field, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new Error("required", $"{what} est requise.", field);
        }

        if (HasOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) && exact.Year is >= 2000 and <= 2200
                ? Result<DateTimeOffset>.Ok(exact.ToUniversalTime())
                : Invalid(text, field, what);
        }

        if (!DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year is < 2000 or > 2200)
        {
            return Invalid(text, field, what);
        }

        ArgumentNullException.ThrowIfNull(clock);
        if (clock.IsSkipped(local))
        {
            return new Error("invalid_time", $"{what} ({text}) tombe dans l'heure sautée au passage à l'heure d'été.", field);
        }

        return Result<DateTimeOffset>.Ok(clock.At(local));
    }

    /// <summary>A required text within a length, trimmed.</summary>
    public static Result<string> Text(string? value, int max, string field, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new Error("required", $"{what} est requis.", field);
        }

        return text.Length > max ? new Error("too_long", $"{what} tient en {Platform.French.Number(max)} caractères.", field) : Result<string>.Ok(text);
    }

    /// <summary>An optional text within a length: null when blank.</summary>
    public static Result<string?> Optional(string? value, int max, string field, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max)
        {
            return new Error("too_long", $"{what} tient en {Platform.French.Number(max)} caractères.", field);
        }

        return Result<string?>.Ok(text.Length == 0 ? null : text);
    }

    private static Error Invalid(string text, string field, string what) =>
        new("invalid_date", $"{what} « {text} » n'est pas une date et une heure (AAAA-MM-JJTHH:MM).", field);

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
