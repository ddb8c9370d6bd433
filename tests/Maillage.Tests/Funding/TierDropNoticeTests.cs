using System.Text.Json.Nodes;
using Maillage.Funding;
using Maillage.Funding.Contracts;

namespace Maillage.Tests.Funding;

/// <summary>
/// The notice before a contract's tier is lowered: a field of the rule-set files, checked at start-up, and the rule an amendment
/// follows (a drop takes effect N years after the day it is recorded at the earliest; a raise is free).
/// </summary>
public sealed class TierDropNoticeTests
{
    private const string File = "rules/aci/notice.json";
    private static readonly DateOnly Today = new(2024, 6, 1);
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_embedded_rule_sets_give_three_years()
    {
        var sets = AciRuleSets.LoadEmbedded(Reference.Tiers);
        Assert.All(sets.All, s => Assert.Equal(3, s.TierDropNoticeYears));
        Assert.Equal(3, AciCatalogueDocument.From(sets).RuleSets[0].TierDropNoticeYears);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData(0, 0)]
    [InlineData(10, 10)]
    public void The_field_is_optional_and_three_years_by_default(int? years, int expected)
    {
        var tree = AciReference.Tree("avenant2-2021");
        tree.Remove("tierDropNoticeYears");
        if (years is { } y)
        {
            tree["tierDropNoticeYears"] = y;
        }

        Assert.Equal(expected, AciRuleSets.Load([(File, tree.ToJsonString())], Reference.Tiers).Default.TierDropNoticeYears);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_notice_out_of_range_is_refused(int years) =>
        Assert.Equal($"{File}: tierDropNoticeYears: {years} is out of range: a whole number of years, 0 (no notice) to 10.",
            Refused(t => t["tierDropNoticeYears"] = years));

    [Fact]
    public void A_notice_that_is_not_a_whole_number_or_a_misspelt_field_is_refused_with_its_path()
    {
        Assert.StartsWith($"{File}: $.tierDropNoticeYears: unreadable", Refused(t => t["tierDropNoticeYears"] = 2.5m), StringComparison.Ordinal);
        Assert.StartsWith($"{File}: $.tierDropNotice: unreadable", Refused(t => t["tierDropNotice"] = 3), StringComparison.Ordinal);
    }

    [Fact]
    public void With_three_years_a_drop_recorded_today_takes_effect_three_years_later_at_the_earliest()
    {
        var contract = Signed(new DateOnly(2023, 1, 15));

        var early = contract.Amend(Lower(2, "2026-05-31"), 4, "officier", Now, new TierDropNotice(3, Today));
        var error = Assert.Single(early.Errors);
        Assert.Equal(("tier_drop_notice", "tier"), (error.Code, error.Field));
        Assert.Equal("Une baisse de taille (de 3 à 2) ne peut prendre effet qu'après un préavis de 3 ans : au plus tôt le 01/06/2027 "
            + "(date d'effet demandée : le 31/05/2026).", error.Message);
        Assert.Empty(contract.Amendments);

        Assert.True(contract.Amend(Lower(2, "2027-06-01"), 4, "officier", Now, new TierDropNotice(3, Today)).Succeeded);
        Assert.Equal(2, ContractTerms.On(contract, new DateOnly(2027, 6, 1)).Tier);
    }

    [Fact]
    public void When_the_earliest_date_is_past_the_contract_the_tier_is_kept_until_the_renewal()
    {
        var contract = Signed(new DateOnly(2021, 1, 28));

        var error = Assert.Single(contract.Amend(Lower(1, "2025-01-01"), 4, "officier", Now, new TierDropNotice(3, Today)).Errors);

        Assert.EndsWith("au plus tôt le 01/06/2027 (date d'effet demandée : le 01/01/2025). Cette date est après la fin du contrat (le 27/01/2026) : "
            + "la taille 3 est conservée jusqu'au renouvellement.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_notice_a_drop_takes_effect_when_agreed_and_the_reason_is_still_required()
    {
        var contract = Signed(new DateOnly(2023, 1, 15));

        var noReason = contract.Amend(new AmendmentDraft(new DateOnly(2024, 1, 1), null, null, 2, " ", "Avenant"), 4, "officier", Now, new TierDropNotice(0, Today));
        Assert.Equal(["tier_reason_required"], noReason.Errors.Select(e => e.Code));
        Assert.True(contract.Amend(Lower(2, "2024-01-01"), 4, "officier", Now, new TierDropNotice(0, Today)).Succeeded);
    }

    [Fact]
    public void Raising_the_tier_needs_no_notice_and_a_later_drop_is_measured_from_the_raised_tier()
    {
        var contract = Signed(new DateOnly(2023, 1, 15));
        var notice = new TierDropNotice(3, Today);

        Assert.True(contract.Amend(Lower(4, "2024-01-01"), 4, "officier", Now, notice).Succeeded);
        var back = Assert.Single(contract.Amend(Lower(3, "2024-06-01"), 4, "officier", Now, notice).Errors);
        Assert.StartsWith("Une baisse de taille (de 4 à 3)", back.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_line_appears_only_when_the_population_gives_a_lower_tier()
    {
        var contract = Signed(new DateOnly(2023, 1, 15));
        var notice = new TierDropNotice(3, Today);

        Assert.Equal("La population de la CPTS correspond aujourd'hui à la taille 2 : la taille du contrat (3) est conservée ; "
            + "une baisse ne peut prendre effet qu'après un préavis de 3 ans, au plus tôt le 01/06/2027.", notice.PopulationLine(contract, 2));
        Assert.Null(notice.PopulationLine(contract, 3));
        Assert.Null(notice.PopulationLine(contract, 4));
        Assert.Null(new TierDropNotice(3, new DateOnly(2030, 1, 1)).PopulationLine(contract, 1));
    }

    private static AciContract Signed(DateOnly on)
    {
        var draft = new ContractDraft("avenant2-2021", on, "DG de l'ARS", "Directeur de la CPAM", [], null, null);
        var result = AciContract.Sign(draft, Guid.NewGuid(), 3, Today, "officier", Now);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private static AmendmentDraft Lower(int tier, string date) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, null, tier, "Population recomptée", "Avenant");

    private static string Refused(Action<JsonObject> change)
    {
        var tree = AciReference.Tree("avenant2-2021");
        change(tree);
        return Assert.Throws<InvalidDataException>(() => AciRuleSets.Load([(File, tree.ToJsonString())], Reference.Tiers)).Message;
    }
}
