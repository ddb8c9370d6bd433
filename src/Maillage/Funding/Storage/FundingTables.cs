using Maillage.Funding.Budget;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Payments;
using Maillage.Funding.Reviews;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Funding.Storage;

/// <summary>
/// The tables of the Funding module (contracts, indicators, crises, reviews, payments, budgets), for its own use cases only: other modules ask through its published interface
/// (the architecture test keeps it so).
/// </summary>
public static class FundingTables
{
    public static DbSet<AciContract> AciContracts(this MaillageDbContext db) => Of<AciContract>(db);

    public static DbSet<AciAmendment> AciAmendments(this MaillageDbContext db) => Of<AciAmendment>(db);

    public static DbSet<ContractIndicator> ContractIndicators(this MaillageDbContext db) => Of<ContractIndicator>(db);

    public static DbSet<IndicatorTarget> IndicatorTargets(this MaillageDbContext db) => Of<IndicatorTarget>(db);

    public static DbSet<IndicatorValue> IndicatorValues(this MaillageDbContext db) => Of<IndicatorValue>(db);

    public static DbSet<IndicatorAdjustment> IndicatorAdjustments(this MaillageDbContext db) => Of<IndicatorAdjustment>(db);

    public static DbSet<ContractCrisis> ContractCrises(this MaillageDbContext db) => Of<ContractCrisis>(db);

    public static DbSet<AnnualReview> AnnualReviews(this MaillageDbContext db) => Of<AnnualReview>(db);

    public static DbSet<ReviewMission> ReviewMissions(this MaillageDbContext db) => Of<ReviewMission>(db);

    public static DbSet<ReviewAction> ReviewActions(this MaillageDbContext db) => Of<ReviewAction>(db);

    public static DbSet<FundingPayment> FundingPayments(this MaillageDbContext db) => Of<FundingPayment>(db);

    public static DbSet<BudgetLine> BudgetLines(this MaillageDbContext db) => Of<BudgetLine>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
