namespace Maillage.Platform.Errors;

/// <summary>What kind of failure a user-caused error is; each edge maps it to its own status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>A failure a user can cause: a stable code, a French message and, when it applies, the field at fault.</summary>
public sealed record Error(string Code, string Message, string? Field = null, ErrorKind Kind = ErrorKind.Validation)
{
    public static Error NotFound(string what) => new("not_found", $"{what} introuvable.", null, ErrorKind.NotFound);

    public static Error Forbidden() => new("forbidden", "Vous n'avez pas les droits pour cette action.", null, ErrorKind.Forbidden);

    public static Error Stale() => new(
        "stale_version",
        "Ces données ont été modifiées par quelqu'un d'autre entre-temps. Rechargez la page et recommencez.",
        "version",
        ErrorKind.Conflict);
}

/// <summary>The outcome of a use case: a value, or the errors that prevented it.</summary>
public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<Error> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<Error> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The kind that decides the status: the most severe of the errors.</summary>
    public ErrorKind Kind => Errors.Count == 0 ? ErrorKind.Validation : Errors.Max(e => e.Kind);

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(params Error[] errors) => new(default, errors);

    public static Result<T> Fail(IEnumerable<Error> errors) => new(default, [.. errors]);

    public static implicit operator Result<T>(Error error) => Fail(error);
}
