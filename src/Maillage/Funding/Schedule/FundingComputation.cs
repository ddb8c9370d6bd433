using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Payments;
using Maillage.Funding.Reviews;
using Maillage.Platform;

namespace Maillage.Funding.Schedule;

/// <summary>
/// What an ACI contract gives year by year and when it is paid (domain-rules §4), computed from what is stored: pure, no database,
/// decimal euros rounded to the cent (half away from zero) only where an amount is split or multiplied by a rate.
/// </summary>
/// <remarks>
/// Rules (docs/schedule.md): contract year n runs from signature + (n − 1) years to the day before the next anniversary; its grid is
/// the contract's rule set for the tier and missions in force on its first day (<see cref="ContractTerms.On"/>: an amendment during a
/// year counts from the next contract year); the crisis fixed part is the first drafting in the contract year that starts in the
/// calendar year <see cref="AciContract.CrisisPlanYear"/> and the yearly update otherwise; the crisis variable part only in a year with
/// a declared crisis. Operating is paid whole at the start of the year; each mission's fixed part is advanced at the start
/// (<see cref="AciContract.FixedAdvanceShare"/>) and its balance and its variable part are due at the review's decision date, or
/// <see cref="AciContract.BalanceMonths"/> months after the year while the review is not decided.
/// </remarks>
public static class FundingComputation
{
    public static ContractComputation Compute(AciContract contract, AciRuleSet ruleSet, IReadOnlyList<ContractIndicator> indicators,
        IReadOnlyList<ContractCrisis> crises, IReadOnlyList<AnnualReview> reviews, IReadOnlyList<FundingPayment> payments)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(crises);
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(payments);
        var years = new List<YearFunding>();
        var schedule = new List<ScheduleLine>();
        for (var year = 1; year <= AciContract.Years; year++)
        {
            var context = new YearContext(contract, ruleSet, year, crises.Any(c => c.Year == year), reviews.FirstOrDefault(r => r.Year == year),
                [.. payments.Where(p => p.Year == year)]);
            var lines = new List<LineFunding>();
            foreach (var rule in Lines(ruleSet, context.Terms))
            {
                var (line, due) = Line(context, rule, indicators);
                lines.Add(line);
                schedule.AddRange(due);
            }

            years.Add(new YearFunding(year, context.Start, context.End, context.Tier, context.CrisisDeclared, context.Review?.Status, lines,
                new FundingTotals(lines.Sum(l => l.Maximum), lines.Sum(l => l.Expected), context.Decided ? lines.Sum(l => l.Decided ?? 0m) : null,
                    context.Payments.Sum(p => p.Amount))));
        }

        var decided = years.Where(y => y.Totals.Decided is not null).ToList();
        return new ContractComputation(years, schedule, new FundingTotals(years.Sum(y => y.Totals.Maximum), years.Sum(y => y.Totals.Expected),
            decided.Count > 0 ? decided.Sum(y => y.Totals.Decided!.Value) : null, payments.Sum(p => p.Amount)));
    }

    /// <summary>The lines of the grid in force: operating then the missions in force, in the order of the grid (or the single total line).</summary>
    private static IEnumerable<AciLineRule> Lines(AciRuleSet ruleSet, ContractTerms terms) =>
        ruleSet.HasMissionBreakdown ? ruleSet.Lines.Where(l => l.Id == AciLineIds.Operating || terms.Missions.Contains(l.Id)) : ruleSet.Lines;

    private static (LineFunding Line, List<ScheduleLine> Due) Line(YearContext year, AciLineRule rule, IReadOnlyList<ContractIndicator> indicators)
    {
        var amounts = SimulateAci.Amount(rule, year.Tier, year.CrisisPlan, year.CrisisDeclared);
        var paid = year.Payments.Where(p => p.Line == rule.Id).Sum(p => p.Amount);
        if (rule.Kind == AciLineKind.Operating)
        {
            var operating = year.Due(rule, PaymentPart.Operating, year.Start, amounts.Fixed, true,
                $"{rule.Name}, taille {year.Tier} : {AciLabels.Euros(amounts.Fixed)} versés {year.StartWords}.");
            return (new LineFunding(rule.Id, rule.Name, amounts.Fixed, 0m, amounts.Fixed, 0m, year.Decided ? amounts.Fixed : null, year.Decided ? 0m : null,
                paid, []), [operating]);
        }

        var notes = new List<string>();
        var variable = IndicatorRules.Variable(year.Contract, year.RuleSet, rule.Id, year.Tier, year.CrisisDeclared,
            IndicatorRules.Inputs(indicators.Where(i => i.Mission == rule.Id), year.Year));
        if (variable.Warning is { } warning)
        {
            notes.Add(warning);
        }

        var decision = year.Decided ? year.Review!.Missions.FirstOrDefault(m => m.Mission == rule.Id) : null;
        if (year.Decided && decision is null)
        {
            notes.Add("Mission absente de la décision du dialogue de gestion : les montants calculés sont retenus.");
        }

        var deployed = decision?.MeansDeployed ?? true;
        var expectedFixed = deployed ? amounts.Fixed : 0m;
        var decidedFixed = year.Decided ? decision?.DecidedFixed ?? expectedFixed : (decimal?)null;
        var decidedVariable = year.Decided ? decision?.DecidedVariable ?? variable.Expected : null;
        var advance = Advance(year.Contract, amounts.Fixed);
        if (!deployed)
        {
            notes.Add($"Moyens non déployés selon le dialogue de gestion : la part fixe n'est pas due ; l'avance de {AciLabels.Euros(advance)} déjà versée est à régulariser.");
        }
        else if (decidedFixed < advance)
        {
            notes.Add($"Part fixe décidée ({AciLabels.Euros(decidedFixed.Value)}) inférieure à l'avance de {AciLabels.Euros(advance)} : le trop-versé de "
                + $"{AciLabels.Euros(advance - decidedFixed.Value)} est à régulariser.");
        }

        var line = new LineFunding(rule.Id, rule.Name, amounts.Fixed, amounts.Variable, expectedFixed, variable.Expected, decidedFixed, decidedVariable, paid, notes);
        return (line, [.. FixedParts(year, rule, amounts.Fixed, advance, decidedFixed ?? expectedFixed, deployed),
            VariablePart(year, rule, variable, decidedVariable)]);
    }

    /// <summary>The advance on a fixed part: fixed × share, rounded to the cent (all of it when the share is 1).</summary>
    public static decimal Advance(AciContract contract, decimal fixedPart)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return contract.FixedAdvanceShare >= 1m ? fixedPart : Math.Round(fixedPart * contract.FixedAdvanceShare, 2, MidpointRounding.AwayFromZero);
    }

    private static IEnumerable<ScheduleLine> FixedParts(YearContext year, AciLineRule rule, decimal fixedPart, decimal advance, decimal fixedDue, bool deployed)
    {
        var label = $"Part fixe {rule.Name}{year.CrisisPlanWords(rule)}, taille {year.Tier}";
        var share = year.Contract.FixedAdvanceShare;
        yield return year.Due(rule, PaymentPart.FixedAdvance, year.Start, advance, true, share >= 1m
            ? $"{label} : {AciLabels.Euros(advance)} versés en totalité {year.StartWords}."
            : $"{label} : {AciLabels.Euros(fixedPart)} × {Percent(share)} = {AciLabels.Euros(advance)}, versés {year.StartWords}.");
        if (share >= 1m)
        {
            yield break;
        }

        var balance = Math.Max(fixedDue - advance, 0m);
        var text = !deployed
            ? $"Solde de la part fixe {rule.Name} : 0 € — moyens non déployés selon le dialogue de gestion ; l'avance de {AciLabels.Euros(advance)} déjà versée est à régulariser."
            : year.Decided
                ? $"Solde de la part fixe {rule.Name} : {AciLabels.Euros(fixedDue)} décidés − {AciLabels.Euros(advance)} d'avance = {AciLabels.Euros(balance)}, {year.BalanceWords}."
                : $"{label} : {AciLabels.Euros(fixedPart)} − {AciLabels.Euros(advance)} d'avance = {AciLabels.Euros(balance)}, {year.BalanceWords}, si les moyens sont déployés.";
        yield return year.Due(rule, PaymentPart.FixedBalance, year.BalanceDue, balance, year.Decided, text);
    }

    private static ScheduleLine VariablePart(YearContext year, AciLineRule rule, MissionVariableOutcome variable, decimal? decided)
    {
        var name = $"Part variable {rule.Name}";
        var amount = year.Decided ? decided ?? 0m : variable.Expected ?? 0m;
        var text = year.Decided
            ? $"{name} : {AciLabels.Euros(amount)} décidés au dialogue de gestion, {year.BalanceWords}."
            : rule.Id == AciLineIds.Crisis && !year.CrisisDeclared ? $"{name} : 0 € — aucune crise sanitaire grave déclarée cette année."
            : variable is { Envelope: { } envelope, Expected: { } expected }
                ? $"{name}, taille {year.Tier} : enveloppe de {AciLabels.Euros(envelope)} × taux d'atteinte pondéré de "
                    + $"{Percent(envelope == 0m ? 0m : expected / envelope)} = {AciLabels.Euros(expected)} selon les valeurs saisies à ce jour, {year.BalanceWords}."
            : $"{name} : non calculée ({variable.Warning}), {year.BalanceWords}.";
        return year.Due(rule, PaymentPart.Variable, year.BalanceDue, amount, year.Decided, text);
    }

    /// <summary>75 %, 66,67 % (to the hundredth of a percent at most).</summary>
    public static string Percent(decimal ratio) =>
        Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.##", French.Culture) + "\u00A0%";

    /// <summary>What a line's computation needs to know about its contract year.</summary>
    private sealed class YearContext
    {
        public YearContext(AciContract contract, AciRuleSet ruleSet, int year, bool crisisDeclared, AnnualReview? review, List<FundingPayment> payments)
        {
            (Contract, RuleSet, Year, CrisisDeclared, Review, Payments) = (contract, ruleSet, year, crisisDeclared, review, payments);
            Start = IndicatorRules.YearStart(contract, year);
            End = contract.SignedOn.AddYears(year).AddDays(-1);
            Terms = ContractTerms.On(contract, Start);
            CrisisPlan = Start.Year == contract.CrisisPlanYear ? CrisisPlanYear.FirstDrafting : CrisisPlanYear.YearlyUpdate;
            Decided = review?.Status == ReviewStatus.Decided;
            BalanceDue = Decided && review!.DecidedOn is { } on ? on : contract.SignedOn.AddYears(year).AddMonths(contract.BalanceMonths);
        }

        public AciContract Contract { get; }

        public AciRuleSet RuleSet { get; }

        public int Year { get; }

        public bool CrisisDeclared { get; }

        public AnnualReview? Review { get; }

        public List<FundingPayment> Payments { get; }

        public DateOnly Start { get; }

        public DateOnly End { get; }

        public ContractTerms Terms { get; }

        public int Tier => Terms.Tier;

        public CrisisPlanYear CrisisPlan { get; }

        public bool Decided { get; }

        /// <summary>When the fixed balance and the variable part are due: the decision date, else BalanceMonths after the year.</summary>
        public DateOnly BalanceDue { get; }

        public string StartWords => Year == 1 ? $"à la signature du {French.Date(Start)}" : $"à l'anniversaire du {French.Date(Start)}";

        public string BalanceWords => Decided && Review!.DecidedOn is not null
            ? $"dus à la décision du {French.Date(BalanceDue)}"
            : $"attendus le {French.Date(BalanceDue)} ({Contract.BalanceMonths} mois après la fin de l'année {Year})";

        public string CrisisPlanWords(AciLineRule rule) => !rule.CrisisPlan ? ""
            : CrisisPlan == CrisisPlanYear.FirstDrafting ? " (première rédaction du plan)" : " (actualisation du plan)";

        public ScheduleLine Due(AciLineRule rule, PaymentPart part, DateOnly on, decimal amount, bool confirmed, string explanation)
        {
            var payment = Payments.FirstOrDefault(p => p.Line == rule.Id && p.Part == part);
            return new ScheduleLine(Year, rule.Id, rule.Name, part, on, amount, confirmed, payment?.Amount, payment?.PaidOn, explanation);
        }
    }
}
