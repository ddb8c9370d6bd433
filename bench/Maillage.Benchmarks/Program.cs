using BenchmarkDotNet.Running;
using Maillage.Benchmarks;

// dotnet run -c Release --project bench/Maillage.Benchmarks -- --filter '*'
// The GitHub-flavoured markdown reports are copied to bench/results/ (see bench/README.md).
// Two modes of their own (bench/README.md, "Directory import"): --generate-directory PATH [COUNT], --directory-load [COUNT] [SMALL].
if (args is ["--generate-directory", .. var generate])
{
    return DirectoryGenerator.Run(generate);
}

if (args is ["--directory-load", .. var load])
{
    return await DirectoryLoad.MainAsync(load);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create());
BenchConfig.CopyReports(summaries);
await WorkspaceWorld.DisposeAllAsync();
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
