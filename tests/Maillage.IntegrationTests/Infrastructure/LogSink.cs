using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>Keeps everything the host logs, at every level: the message, every structured value and any exception.</summary>
[ProviderAlias("TestSink")]
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public string Text => string.Join('\n', entries);

    /// <summary>Forgets what was logged so far (e.g. the host's start-up, to look only at what a request logs).</summary>
    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            sink.entries.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var text = new StringBuilder($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {{{Describe(state)}}}");
            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }

            sink.entries.Enqueue(text.ToString());
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : state?.ToString() ?? "";
    }
}
