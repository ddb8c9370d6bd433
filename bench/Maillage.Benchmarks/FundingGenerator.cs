using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Payments;
using Maillage.Funding.Reviews;

namespace Maillage.Benchmarks;

/// <summary>Everything the funding computation reads for one contract.</summary>
public sealed record GeneratedContract(AciContract Contract, List<ContractIndicator> Indicators, List<ContractCrisis> Crises,
    List<AnnualReview> Reviews, List<FundingPayment> Payments);

/// <summary>
/// Deterministic ACI contracts as a busy territory would have them after three years: the four tiers, the optional missions on some,
/// an amendment in year 3 on a quarter of them, three indicators per mission with targets for the five years and values for four, an
/// obsolete indicator on one in seven, a crisis in year 1 on one in six, reviews decided for years 1 to 3 (the means of one mission not
/// deployed on one in nine), and payments of operating, advances and decided amounts for those years.
/// </summary>
public static class FundingGenerator
{
    private static readonly string[] Socle = ["access", "pathways", "prevention", "crisis"];

    public static List<GeneratedContract> Contracts(int count, Func<int, Guid>? cptsOf = null)
    {
        var now = new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var contracts = new List<GeneratedContract>(count);
        for (var i = 0; i < count; i++)
        {
            var signed = new DateOnly(2021, 1, 4).AddDays(i % 365);
            var missions = Socle.Concat(i % 2 == 0 ? ["quality"] : []).Concat(i % 3 == 0 ? ["support"] : []).ToList();
            var contract = new AciContract
            {
                Id = Guid.NewGuid(), CptsId = cptsOf?.Invoke(i) ?? Guid.NewGuid(), Number = 1, RuleSetId = "avenant2-2021", SignedOn = signed,
                EndsOn = signed.AddYears(AciContract.Years), TierAtSignature = 1 + (i % 4), ArsSignatory = "ARS", CpamSignatory = "CPAM",
                Missions = "," + string.Join(',', missions) + ",", CrisisPlanYear = signed.Year, RecordedBy = "banc", RecordedAt = now,
                FixedAdvanceShare = i % 5 == 0 ? 1m : AciContract.DefaultFixedAdvanceShare,
                VariableRule = (VariableRule)(i % 3), VariableFloor = i % 3 == 1 ? 0.5m : null,
            };
            if (i % 4 == 0)
            {
                contract.Amendments.Add(new AciAmendment
                {
                    Id = Guid.NewGuid(), ContractId = contract.Id, Number = 1, EffectiveOn = signed.AddYears(2).AddDays(30),
                    AddedMissions = missions.Contains("support") ? "," : ",support,", RemovedMissions = ",",
                    Tier = contract.TierAtSignature < 4 ? contract.TierAtSignature + 1 : null, TierReason = "Croissance de la population",
                    Summary = "Avenant", RecordedBy = "banc", RecordedAt = now,
                });
            }

            var indicators = new List<ContractIndicator>();
            foreach (var mission in missions.Concat(i % 4 == 0 ? ["support"] : []).Distinct())
            {
                foreach (var (weight, n) in new[] { (0.5m, 0), (0.3m, 1), (0.2m, 2) })
                {
                    var indicator = new ContractIndicator
                    {
                        Id = Guid.NewGuid(), ContractId = contract.Id, Mission = mission, Name = $"Indicateur {mission} {n}", Kind = (IndicatorKind)n,
                        Unit = "actions", Weight = weight, RecordedBy = "banc", RecordedAt = now,
                        ObsoleteFromYear = i % 7 == 0 && n == 2 ? 3 : null,
                    };
                    for (var year = 1; year <= AciContract.Years; year++)
                    {
                        var target = 10m * year + n;
                        indicator.Targets.Add(new IndicatorTarget { Id = Guid.NewGuid(), IndicatorId = indicator.Id, Year = year, Target = target });
                        if (year <= 4)
                        {
                            indicator.Values.Add(new IndicatorValue
                            {
                                Id = Guid.NewGuid(), IndicatorId = indicator.Id, Year = year, Achieved = target * (0.5m + ((i + n + year) % 8) / 10m),
                                RecordedBy = "banc", RecordedAt = now,
                            });
                        }
                    }

                    indicators.Add(indicator);
                }
            }

            var crises = i % 6 == 0
                ? new List<ContractCrisis> { new() { Id = Guid.NewGuid(), ContractId = contract.Id, Year = 1, DeclaredOn = signed.AddMonths(2), Description = "Crise", RecordedBy = "banc", RecordedAt = now } }
                : [];
            var reviews = new List<AnnualReview>();
            var payments = new List<FundingPayment>();
            for (var year = 1; year <= 3; year++)
            {
                var decidedOn = signed.AddYears(year).AddMonths(2);
                var review = new AnnualReview
                {
                    Id = Guid.NewGuid(), ContractId = contract.Id, Year = year, Status = ReviewStatus.Decided, HeldOn = decidedOn, Outcome = "Décision",
                    DecidedBy = "banc", DecidedAt = now, DecidedOn = decidedOn, CreatedBy = "banc", CreatedAt = now,
                };
                foreach (var (mission, n) in missions.Select((m, n) => (m, n)))
                {
                    review.Missions.Add(new ReviewMission
                    {
                        Id = Guid.NewGuid(), ReviewId = review.Id, Mission = mission, MeansDeployed = !(i % 9 == 0 && n == 1),
                        DecidedVariable = n == 0 ? 1_000m * year : null,
                    });
                }

                reviews.Add(review);
                payments.Add(Payment(contract, year, "operating", PaymentPart.Operating, 50_000m, signed.AddYears(year - 1), now));
                payments.AddRange(missions.Select(m => Payment(contract, year, m, PaymentPart.FixedAdvance, 10_000m, signed.AddYears(year - 1).AddDays(15), now)));
            }

            contracts.Add(new GeneratedContract(contract, indicators, crises, reviews, payments));
        }

        return contracts;
    }

    private static FundingPayment Payment(AciContract contract, int year, string line, PaymentPart part, decimal amount, DateOnly paidOn, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, Year = year, Line = line, Part = part, Amount = amount, PaidOn = paidOn,
            RecordedBy = "banc", RecordedAt = now,
        };
}
