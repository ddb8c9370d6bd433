namespace Maillage.Cli;

/// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>, which posts to the thread pool), so a progress bar follows the work.</summary>
internal sealed class ActionProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
