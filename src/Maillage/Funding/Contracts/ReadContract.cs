using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Contracts;

/// <summary>The contract of a CPTS the actor may read, and its terms on a date with the maximum the simulator gives for them.</summary>
public sealed class ReadContract(SimulateAci simulate, FundingAccess access)
{
    public async Task<Result<AciContract>> GetAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ContractAsync(cptsId, actor, tracked: false, ct);
        return found.Succeeded ? Result<AciContract>.Ok(found.Value!.Contract) : Result<AciContract>.Fail(found.Errors);
    }

    /// <summary>The terms on a date of the contract (default: today), and the maximum of that year under its rule set and tier.</summary>
    public async Task<Result<ContractTermsView>> TermsAsync(Guid cptsId, DateOnly? date, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ContractAsync(cptsId, actor, tracked: false, ct);
        return found.Succeeded ? Terms(found.Value!.Contract, date ?? found.Value.Today) : Result<ContractTermsView>.Fail(found.Errors);
    }

    public Result<ContractTermsView> Terms(AciContract contract, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!contract.Covers(date))
        {
            return new Error("date_outside_contract",
                $"Le {French.Date(date)} est hors du contrat (du {French.Date(contract.SignedOn)} au {French.Date(contract.LastDay)}).", "date");
        }

        var terms = ContractTerms.On(contract, date);
        var set = simulate.RuleSets.Find(contract.RuleSetId);
        var missions = set is { HasMissionBreakdown: true } ? ["operating", .. terms.Missions] : (IReadOnlyList<string>?)null;
        var plan = date.Year == contract.CrisisPlanYear ? CrisisPlanYear.FirstDrafting : CrisisPlanYear.YearlyUpdate;
        var simulation = simulate.ForStoredTier(0, terms.Tier, new AciOptions(contract.RuleSetId, missions, plan));
        return simulation.Succeeded
            ? Result<ContractTermsView>.Ok(new ContractTermsView(terms, simulation.Value!))
            : Result<ContractTermsView>.Fail(simulation.Errors);
    }
}

/// <summary>The terms in force on a date and the maximum annual funding for them (crisis plan first drafted that year or updated; no crisis).</summary>
public sealed record ContractTermsView(ContractTerms Terms, AciSimulation Simulation);
