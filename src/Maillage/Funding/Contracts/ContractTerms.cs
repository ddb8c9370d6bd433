namespace Maillage.Funding.Contracts;

/// <summary>
/// The terms of a contract in force on a date: the missions and the tier at signature, changed by each amendment effective on or
/// before that date, applied in the order of their numbers.
/// </summary>
public sealed record ContractTerms(DateOnly Date, IReadOnlyList<string> Missions, int Tier, int AmendmentsApplied)
{
    public static ContractTerms On(AciContract contract, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var missions = contract.MissionIds.ToList();
        var tier = contract.TierAtSignature;
        var applied = 0;
        foreach (var amendment in contract.Amendments.Where(a => a.EffectiveOn <= date).OrderBy(a => a.Number))
        {
            missions.RemoveAll(amendment.Removed.Contains);
            missions.AddRange(amendment.Added.Where(m => !missions.Contains(m)));
            tier = amendment.Tier ?? tier;
            applied++;
        }

        return new ContractTerms(date, ContractMissions.Ordered(missions), tier, applied);
    }
}
