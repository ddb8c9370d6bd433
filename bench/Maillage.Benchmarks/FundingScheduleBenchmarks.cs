using BenchmarkDotNet.Attributes;
using Maillage.Funding;
using Maillage.Funding.Schedule;

namespace Maillage.Benchmarks;

/// <summary>
/// The payment schedules of 1,000 contracts × 5 years computed in memory (<see cref="FundingComputation.Compute"/>: grid, indicators,
/// crises, reviews, payments, explanations). Baseline: the grid amounts alone for the same contracts, years and lines — what a
/// spreadsheet holds before any indicator or date is looked at.
/// </summary>
[Config(typeof(ShortConfig))]
public class FundingScheduleBenchmarks
{
    public const int ContractCount = 1_000;

    private List<GeneratedContract> contracts = null!;
    private AciRuleSet ruleSet = null!;

    [GlobalSetup]
    public void Setup()
    {
        ruleSet = AciRuleSets.LoadEmbedded(Reference.Tiers).Find("avenant2-2021")!;
        contracts = FundingGenerator.Contracts(ContractCount);
    }

    [Benchmark(Baseline = true, Description = "Grid amounts only (floor): 1,000 contracts × 5 years × lines")]
    public decimal GridOnly()
    {
        var total = 0m;
        foreach (var c in contracts)
        {
            for (var year = 0; year < 5; year++)
            {
                foreach (var line in ruleSet.Lines)
                {
                    var amount = SimulateAci.Amount(line, c.Contract.TierAtSignature, year == 0 ? CrisisPlanYear.FirstDrafting : CrisisPlanYear.YearlyUpdate, c.Crises.Count > 0);
                    total += amount.Fixed + amount.Variable;
                }
            }
        }

        return total;
    }

    [Benchmark(Description = "FundingComputation.Compute: 1,000 contracts × 5 years")]
    public decimal Schedules()
    {
        var total = 0m;
        foreach (var c in contracts)
        {
            total += FundingComputation.Compute(c.Contract, ruleSet, c.Indicators, c.Crises, c.Reviews, c.Payments).Totals.Expected;
        }

        return total;
    }
}
