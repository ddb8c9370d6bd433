using Maillage.Association.Published;
using Maillage.Funding.Budget;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Funding;

/// <summary>A CPTS the actor may read, as it stands towards it, and its latest ACI contract if it has one.</summary>
public sealed record CptsFunding(Tenant Tenant, AciContract? Contract)
{
    public CptsInfo Cpts => Tenant.Cpts;

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Tenant.Today;
}

/// <summary>A CPTS the actor may read and its latest ACI contract (the one in force, or the last that ended).</summary>
public sealed record ContractScope(Tenant Tenant, AciContract Contract)
{
    public CptsInfo Cpts => Tenant.Cpts;

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Tenant.Today;
}

/// <summary>
/// The one way a request reaches the funding of a CPTS: not found when the actor may not read the CPTS (or it has no contract, for what
/// needs one), then <see cref="FundingRights"/> decides — forbidden when the actor may only read. Every right of the Funding module is
/// decided here.
/// </summary>
public sealed class FundingAccess(MaillageDbContext db, Tenancy tenancy, AssociationStanding standing, GeoCatalog geo)
{
    // Scoped: the home's « À faire » and key figures and the shell's four contract entries all ask for the latest contract of the same tenant
    // (WorkspaceBenchmarks); it is read once per resolved tenant, which a request resolves afresh after recording a contract.
    private readonly Dictionary<Tenant, AciContract?> latest = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The rights of the actor on the CPTS's funding under <paramref name="contract"/> (its latest): the treasurer is the member linked to
    /// the account holding the treasurer's mandate on the CPTS's today; those who decide are the admin and the officers of the ARS and the
    /// CPAM recorded on the contract (<see cref="ContractFunders"/>) — without a contract, the officers of the territory, who may record one.
    /// </summary>
    public async Task<FundingRights> RightsAsync(Tenant tenant, AciContract? contract, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var edit = tenant.Manages || (tenant.Actor.Role == Role.Member && (await standing.RightsAsync(tenant, ct)).Pay);
        if (contract is null)
        {
            return new FundingRights(true, edit, tenant.Steers);
        }

        var funders = ContractFunders.Of(contract, tenant.Cpts);
        var decide = funders.Decide(tenant.Actor);
        return new FundingRights(true, edit, decide, !decide && tenant.Steers ? WhoDecides(funders) : null);
    }

    /// <summary>Whether the CPTS has recorded a contract: the pages of a contract (indicators, payments, reviews) exist only then.</summary>
    public async Task<bool> HasContractAsync(Tenant tenant, CancellationToken ct = default) => await LatestContractAsync(tenant, ct) is not null;

    /// <summary>The CPTS's latest contract (the one in force, or the last that ended), untracked and without its amendments; read once per tenant.</summary>
    public async Task<AciContract?> LatestContractAsync(Tenant tenant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!latest.TryGetValue(tenant, out var contract))
        {
            contract = await db.AciContracts().AsNoTracking().Where(c => c.CptsId == tenant.Id).OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct);
            latest[tenant] = contract;
        }

        return contract;
    }

    /// <summary>
    /// Whether the actor, who steers the CPTS, may record a contract signed by <paramref name="funders"/>: an admin, or an officer of that ARS
    /// or CPAM (an officer records only what its own institution signed); else a 403 that says who signed.
    /// </summary>
    public Error? RecordingRefusal(Tenant tenant, ContractFunders funders)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(funders);
        return !tenant.Steers ? Error.Forbidden()
            : funders.Decide(tenant.Actor) ? null
            : new Error("not_a_signatory", $"Ce contrat est signé par {funders.Describe(geo)} : seuls leurs agents (ou un administrateur) peuvent "
                + "l'enregistrer ; enregistrez un contrat signé par votre ARS ou votre CPAM.", null, ErrorKind.Forbidden);
    }

    private string WhoDecides(ContractFunders funders) =>
        $"Le contrat ACI de cette CPTS est signé par {funders.Describe(geo)} : seuls leurs agents (ou un administrateur) décident du contrat, "
        + "de ses avenants, des crises, des dialogues de gestion et des versements. Votre périmètre touche le territoire de la CPTS : vous les consultez.";

    /// <summary>The CPTS if the actor may read it, and its latest contract if it has one (with its amendments).</summary>
    public async Task<Result<CptsFunding>> CptsAsync(Guid cptsId, Actor actor, bool tracked, CancellationToken ct)
    {
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<CptsFunding>.Fail(tenant.Errors);
        }

        var query = db.AciContracts().Include(c => c.Amendments).OrderByDescending(c => c.Number);
        var contract = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        return Result<CptsFunding>.Ok(new CptsFunding(tenant.Value!, contract));
    }

    /// <summary>The CPTS and its latest contract when the actor may read the CPTS: 404 if it may not, or if the CPTS has no contract.</summary>
    public async Task<Result<ContractScope>> ContractAsync(Guid cptsId, Actor actor, bool tracked, CancellationToken ct)
    {
        var found = await CptsAsync(cptsId, actor, tracked, ct);
        return !found.Succeeded ? Result<ContractScope>.Fail(found.Errors)
            : found.Value!.Contract is not { } contract ? ContractAccess.NoContract()
            : Result<ContractScope>.Ok(new ContractScope(found.Value.Tenant, contract));
    }

    /// <summary>The CPTS and its contract, tracked, when the actor may change it (the funders): 404 if not readable or no contract, else 403.</summary>
    public async Task<Result<ContractScope>> ContractForChangeAsync(Guid cptsId, Actor actor, CancellationToken ct)
    {
        var found = await ContractAsync(cptsId, actor, tracked: true, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var rights = await RightsAsync(found.Value!.Tenant, found.Value.Contract, ct);
        return rights.Decide ? found : rights.DecideRefusal();
    }

    /// <summary>What the funders record on the latest contract (crises, payments): read by the CPTS's readers, recorded by the funders.</summary>
    public async Task<Result<FunderAccess.Found>> FundersAsync(Guid cptsId, Actor actor, bool forChange, CancellationToken ct)
    {
        var found = await ContractAsync(cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<FunderAccess.Found>.Fail(found.Errors);
        }

        var rights = await RightsAsync(found.Value!.Tenant, found.Value.Contract, ct);
        return forChange && !rights.Decide ? rights.DecideRefusal() : Result<FunderAccess.Found>.Ok(new FunderAccess.Found(found.Value.Tenant, found.Value.Contract, rights));
    }

    public Task<Result<IndicatorAccess.Found>> IndicatorsAsync(Guid cptsId, Actor actor, bool forChange, CancellationToken ct) =>
        IndicatorsAsync(cptsId, actor, forChange ? IndicatorChange.Definitions : IndicatorChange.None, ct);

    /// <summary>The CPTS, its contract and its indicators (tracked for a change), once the actor may make <paramref name="change"/>.</summary>
    public async Task<Result<IndicatorAccess.Found>> IndicatorsAsync(Guid cptsId, Actor actor, IndicatorChange change, CancellationToken ct)
    {
        var found = await ContractAsync(cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<IndicatorAccess.Found>.Fail(found.Errors);
        }

        var tenant = found.Value!.Tenant;
        var allowed = change switch
        {
            IndicatorChange.Definitions => tenant.Manages,
            IndicatorChange.Values => (await RightsAsync(tenant, found.Value.Contract, ct)).EditValues,
            _ => true,
        };
        if (!allowed)
        {
            return Error.Forbidden();
        }

        var indicators = await IndicatorAccess.LoadAsync(db, found.Value.Contract.Id, adjustments: true, tracked: change != IndicatorChange.None, ct);
        return Result<IndicatorAccess.Found>.Ok(new IndicatorAccess.Found(tenant, found.Value.Contract, indicators));
    }

    /// <summary>The budget of a CPTS: its readers read it, those who enter the funding values write it.</summary>
    public async Task<Result<BudgetAccess.Scope>> BudgetAsync(Guid cptsId, Actor actor, bool forChange, CancellationToken ct)
    {
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<BudgetAccess.Scope>.Fail(tenant.Errors);
        }

        var rights = await RightsAsync(tenant.Value!, null, ct);
        return forChange && !rights.EditValues ? Error.Forbidden() : Result<BudgetAccess.Scope>.Ok(new BudgetAccess.Scope(tenant.Value!, rights));
    }
}
