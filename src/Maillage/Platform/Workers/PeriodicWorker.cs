using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maillage.Platform.Workers;

/// <summary>
/// Work a module does now and then on its own (opening slots ahead, anonymising old requests): first after <see cref="FirstRun"/>, then every
/// <see cref="Every"/>, each run in its own scope. A failed run is logged by the type of its error only (never a message that could carry
/// personal data) and the next run tries again.
/// </summary>
public abstract partial class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>How long after the start the first run waits (the host settles, the demo seeds).</summary>
    protected abstract TimeSpan FirstRun { get; }

    protected abstract TimeSpan Every { get; }

    /// <summary>What the work is, in the log (« Slot roll-forward »).</summary>
    protected abstract string Name { get; }

    /// <summary>One run in a fresh scope; returns how many things it did, for the log.</summary>
    protected abstract Task<int> RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var count = await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                    Done(logger, Name, count);
                }
#pragma warning disable CA1031 // Any failure skips this run only; the next one tries again.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    Failed(logger, Name, e.GetType().Name);
                }

                await Task.Delay(Every, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 3901, Level = LogLevel.Information, Message = "{Worker}: {Count} done")]
    private static partial void Done(ILogger logger, string worker, int count);

    [LoggerMessage(EventId = 3902, Level = LogLevel.Warning, Message = "{Worker} failed: {ErrorType}")]
    private static partial void Failed(ILogger logger, string worker, string errorType);
}
