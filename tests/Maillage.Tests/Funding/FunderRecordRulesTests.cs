using Maillage.Funding.Contracts;
using Maillage.Funding.Payments;
using Maillage.Funding.Schedule;

namespace Maillage.Tests.Funding;

/// <summary>The rules of what the funders record, without a database: payment parameters, serious health crises, payments.</summary>
public sealed class FunderRecordRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static AciContract Contract()
    {
        var draft = new ContractDraft("avenant2-2021", new DateOnly(2024, 3, 15), "DG de l'ARS", "Directeur de la CPAM", null, null, null);
        var result = AciContract.Sign(draft, Guid.NewGuid(), 3, Today, "officier", DateTimeOffset.UnixEpoch);
        Assert.True(result.Succeeded);
        return result.Value!;
    }

    private static string[] Fields(IEnumerable<Maillage.Platform.Errors.Error> errors) => [.. errors.Select(e => e.Field ?? "")];

    [Fact]
    public void Missing_parameters_take_their_defaults_when_a_contract_is_recorded_and_are_required_when_they_change()
    {
        var defaults = ContractParameters.Check(null, defaults: true);
        Assert.Equal(new PaymentParameters(0.75m, VariableRule.Proportional, null, 3), defaults.Value);
        var changed = ContractParameters.Check(new ParametersDraft(null, null, null, null), defaults: false);
        Assert.Equal(["fixedAdvanceShare", "variableRule", "balanceMonths"], Fields(changed.Errors));
    }

    [Theory]
    [InlineData(1, "proportional", null, 0, null)]
    [InlineData(0, "tout-ou-rien", null, 24, null)]
    [InlineData(0.6667, "seuil", 0.5, 6, null)]
    [InlineData(1.01, "proportional", null, 3, "fixedAdvanceShare")]
    [InlineData(-0.1, "proportional", null, 3, "fixedAdvanceShare")]
    [InlineData(0.66667, "proportional", null, 3, "fixedAdvanceShare")]
    [InlineData(0.75, "linear", null, 3, "variableRule")]
    [InlineData(0.75, "threshold", null, 3, "variableFloor")]
    [InlineData(0.75, "threshold", 0.0, 3, "variableFloor")]
    [InlineData(0.75, "threshold", 1.2, 3, "variableFloor")]
    [InlineData(0.75, "proportional", 0.5, 3, "variableFloor")]
    [InlineData(0.75, "proportional", null, 25, "balanceMonths")]
    [InlineData(0.75, "proportional", null, -1, "balanceMonths")]
    public void Parameters_are_checked_field_by_field(double share, string rule, double? floor, int months, string? field)
    {
        var result = ContractParameters.Check(new ParametersDraft((decimal)share, rule, (decimal?)floor, months), defaults: false);
        Assert.Equal(field is null ? [] : [field], Fields(result.Errors));
    }

    [Fact]
    public void A_crisis_is_declared_in_a_contract_year_that_has_begun_inside_that_year_and_not_in_the_future()
    {
        var k = Contract();
        Assert.Empty(CrisisRules.Check(k, new CrisisDraft(2, new DateOnly(2025, 3, 15), "Épidémie"), Today));
        Assert.Empty(CrisisRules.Check(k, new CrisisDraft(1, new DateOnly(2025, 3, 14), "Épidémie"), Today));
        Assert.Equal(["year"], Fields(CrisisRules.Check(k, new CrisisDraft(4, new DateOnly(2026, 1, 1), "Épidémie"), Today)));
        Assert.Equal(["year"], Fields(CrisisRules.Check(k, new CrisisDraft(6, new DateOnly(2026, 1, 1), "Épidémie"), Today)));
        Assert.Equal(["declaredOn"], Fields(CrisisRules.Check(k, new CrisisDraft(2, new DateOnly(2025, 3, 14), "Épidémie"), Today)));
        Assert.Equal(["declaredOn"], Fields(CrisisRules.Check(k, new CrisisDraft(3, new DateOnly(2026, 6, 2), "Épidémie"), Today)));
        Assert.Equal(["description"], Fields(CrisisRules.Check(k, new CrisisDraft(1, new DateOnly(2024, 4, 1), " "), Today)));
        Assert.Equal(["description"], Fields(CrisisRules.Check(k, new CrisisDraft(1, new DateOnly(2024, 4, 1), new string('x', 1001)), Today)));
    }

    [Fact]
    public void A_payment_is_for_a_line_of_the_schedule_in_euros_and_cents_between_the_signature_and_today()
    {
        var k = Contract();
        ScheduleLine[] schedule =
        [
            new(1, "operating", "Fonctionnement", PaymentPart.Operating, k.SignedOn, 75_000m, true, null, null, ""),
            new(1, "access", "Accès aux soins", PaymentPart.FixedAdvance, k.SignedOn, 67_500m, true, null, null, ""),
        ];
        var good = new PaymentDraft(67_500.5m, new DateOnly(2024, 4, 1), "VIR-1");
        Assert.Empty(PaymentRules.Check(k, schedule, 1, "access", "fixed-advance", good, Today));
        Assert.Empty(PaymentRules.Check(k, schedule, 1, " Operating ", "operating", good with { Amount = 0m }, Today));
        Assert.Equal(["line"], Fields(PaymentRules.Check(k, schedule, 1, "access", "fixed-balance", good, Today)));
        Assert.Equal(["line"], Fields(PaymentRules.Check(k, schedule, 2, "access", "fixed-advance", good, Today)));
        Assert.Equal(["year"], Fields(PaymentRules.Check(k, schedule, 6, "access", "fixed-advance", good, Today)));
        Assert.Equal(["part"], Fields(PaymentRules.Check(k, schedule, 1, "access", "advance", good, Today)));
        Assert.Equal(["amount"], Fields(PaymentRules.Check(k, schedule, 1, "access", "fixed-advance", good with { Amount = -1m }, Today)));
        Assert.Equal(["amount"], Fields(PaymentRules.Check(k, schedule, 1, "access", "fixed-advance", good with { Amount = 1.005m }, Today)));
        Assert.Equal(["paidOn"], Fields(PaymentRules.Check(k, schedule, 1, "access", "fixed-advance", good with { PaidOn = new DateOnly(2024, 3, 14) }, Today)));
        Assert.Equal(["paidOn"], Fields(PaymentRules.Check(k, schedule, 1, "access", "fixed-advance", good with { PaidOn = Today.AddDays(1) }, Today)));
        Assert.Equal(["reference"], Fields(PaymentRules.Check(k, schedule, 1, "access", "fixed-advance", good with { Reference = new string('R', 101) }, Today)));
    }

    [Fact]
    public void Parts_have_kebab_case_ids_that_round_trip()
    {
        Assert.Equal(["operating", "fixed-advance", "fixed-balance", "variable"], PaymentRules.Parts.Select(PaymentRules.Id));
        Assert.All(PaymentRules.Parts, p => Assert.Equal(p, PaymentRules.ParsePart(PaymentRules.Id(p))));
        Assert.Null(PaymentRules.ParsePart("FixedAdvance"));
    }
}
