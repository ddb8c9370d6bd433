using Maillage.Funding.Contracts;

namespace Maillage.Tests.Funding;

/// <summary>The ACI contract's rules without a database: signing, amending, and the terms in force on a date.</summary>
public sealed class ContractTermsTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static AciContract Signed(DateOnly? on = null, params string[] optional)
    {
        var draft = new ContractDraft("avenant2-2021", on ?? new DateOnly(2021, 1, 28), "DG de l'ARS", "Directeur de la CPAM", optional, null, null);
        var result = AciContract.Sign(draft, Guid.NewGuid(), 3, Today, "officier", Now);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private static AmendmentDraft Draft(string date, string[]? added = null, string[]? removed = null, int? tier = null, string? reason = null) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), added, removed, tier, reason, "Avenant");

    [Fact]
    public void Missions_are_described_by_their_french_names_only() =>
        Assert.Equal("Accès aux soins, Qualité et pertinence", ContractMissions.Describe(["access", "quality"]));

    [Fact]
    public void A_mistyped_mission_is_answered_with_the_ids_a_caller_may_type_and_their_names()
    {
        var refused = AciContract.Sign(new ContractDraft("avenant2-2021", new DateOnly(2021, 1, 28), "DG de l'ARS", "Directeur de la CPAM", ["qualite"], null, null),
            Guid.NewGuid(), 3, Today, "officier", Now);

        Assert.Equal("Mission inconnue : « qualite ». Missions optionnelles : « quality » (Qualité et pertinence), « support » (Accompagnement des professionnels).",
            Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public void A_contract_runs_five_years_with_the_socle_missions_and_the_optional_ones_chosen()
    {
        var contract = Signed(null, "support");

        Assert.Equal(new DateOnly(2026, 1, 28), contract.EndsOn);
        Assert.Equal(new DateOnly(2026, 1, 27), contract.LastDay);
        Assert.Equal(["access", "pathways", "prevention", "crisis", "support"], contract.MissionIds);
        Assert.Equal(2021, contract.CrisisPlanYear);
        Assert.Equal(3, contract.TierAtSignature);
    }

    [Fact]
    public void Signing_refuses_a_future_date_an_unknown_mission_missing_signatories_and_a_crisis_year_outside()
    {
        var draft = new ContractDraft(null, Today.AddDays(1), " ", null, ["teleconsultation"], 2035, null);

        var result = AciContract.Sign(draft, Guid.NewGuid(), 1, Today, "officier", Now);

        Assert.Equal(["signed_on_in_future", "signatory_required", "signatory_required", "unknown_mission", "crisis_plan_year_outside"],
            result.Errors.Select(e => e.Code));
        Assert.Equal(["signedOn", "arsSignatory", "cpamSignatory", "missions", "crisisPlanYear"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void The_terms_on_a_date_apply_the_amendments_effective_by_then_in_order()
    {
        var contract = Signed();
        Assert.True(contract.Amend(Draft("2022-03-01", added: ["quality"]), 4, "officier", Now).Succeeded);
        Assert.True(contract.Amend(Draft("2023-01-01", added: ["support"], tier: 2, reason: "Population en baisse, préavis échu"), 4, "officier", Now).Succeeded);
        Assert.True(contract.Amend(Draft("2024-01-01", removed: ["quality"]), 4, "officier", Now).Succeeded);

        Assert.Equal(("access pathways prevention crisis", 3, 0), Terms(contract, "2022-02-28"));
        Assert.Equal(("access pathways prevention crisis quality", 3, 1), Terms(contract, "2022-03-01"));
        Assert.Equal(("access pathways prevention crisis quality support", 2, 2), Terms(contract, "2023-06-30"));
        Assert.Equal(("access pathways prevention crisis support", 2, 3), Terms(contract, "2025-12-31"));
        Assert.Equal([1, 2, 3], contract.Amendments.Select(a => a.Number));
    }

    [Theory]
    [InlineData("2021-01-27", null, null, null, null, "effective_on_outside")]
    [InlineData("2026-01-28", null, null, null, null, "effective_on_outside")]
    [InlineData("2022-02-28", null, null, null, null, "effective_on_before_previous")]
    [InlineData("2022-06-01", null, "crisis", null, null, "socle_mission_removed")]
    [InlineData("2022-06-01", "quality", null, null, null, "mission_already_in_force")]
    [InlineData("2022-06-01", null, "support", null, null, "mission_not_in_force")]
    [InlineData("2022-06-01", "teleconsultation", null, null, null, "unknown_mission")]
    [InlineData("2022-06-01", null, null, 5, "motif", "tier_out_of_grid")]
    [InlineData("2022-06-01", null, null, 3, "motif", "tier_unchanged")]
    [InlineData("2022-06-01", null, null, 2, null, "tier_reason_required")]
    public void An_amendment_is_refused_when_it_breaks_a_rule(string date, string? added, string? removed, int? tier, string? reason, string code)
    {
        var contract = Signed();
        Assert.True(contract.Amend(Draft("2022-03-01", added: ["quality"]), 4, "officier", Now).Succeeded);

        var result = contract.Amend(Draft(date, added is null ? null : [added], removed is null ? null : [removed], tier, reason), 4, "officier", Now);

        Assert.Equal([code], result.Errors.Select(e => e.Code));
        Assert.Single(contract.Amendments);
    }

    [Fact]
    public void Two_amendments_may_take_effect_on_the_same_day()
    {
        var contract = Signed();
        Assert.True(contract.Amend(Draft("2022-03-01", added: ["quality"]), 4, "officier", Now).Succeeded);
        Assert.True(contract.Amend(Draft("2022-03-01", added: ["support"]), 4, "officier", Now).Succeeded);

        Assert.Equal(2, ContractTerms.On(contract, new DateOnly(2022, 3, 1)).AmendmentsApplied);
    }

    private static (string Missions, int Tier, int Applied) Terms(AciContract contract, string date)
    {
        var terms = ContractTerms.On(contract, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        return (string.Join(' ', terms.Missions), terms.Tier, terms.AmendmentsApplied);
    }
}
