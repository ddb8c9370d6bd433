using BenchmarkDotNet.Running;
using Maillage.Benchmarks;

// dotnet run -c Release --project bench/Maillage.Benchmarks -- --filter '*'
// The GitHub-flavoured markdown reports are copied to bench/results/ (see bench/README.md).
// Two modes of their own (bench/README.md, "Directory import"): --generate-directory PATH [COUNT], --directory-load [COUNT] [SMALL].
// Two load modes through the real web host on a TCP port (bench/README.md, "Unscheduled care and the SAS (issue 12)"):
//   sas-load [--engine sqlite|postgres|both] [--clients 200] [--duration 20s] [--cpts 5 --effectors 100 --days 14] [--driver wrk|dotnet]
//   snp-booking [--engine …] [--clients 64] [--slots 100]
if (args is ["sas-load", .. var sasLoad])
{
    return await SasLoad.MainAsync("sas-load", sasLoad);
}

if (args is ["snp-booking", .. var booking])
{
    return await SasLoad.MainAsync("snp-booking", ["--booking", .. booking]);
}

// treating-doctor-campaign [--scope regional|national] [--requests N] [--doctors N] (bench/README.md, "Treating-doctor assignment (issue 13)")
if (args is ["treating-doctor-campaign", .. var campaign])
{
    return TreatingDoctorCampaign.Run(campaign);
}

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
