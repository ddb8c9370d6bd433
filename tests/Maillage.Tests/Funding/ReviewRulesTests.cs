using Maillage.Funding.Contracts;
using Maillage.Funding.Reviews;

namespace Maillage.Tests.Funding;

/// <summary>The rules of the dialogue de gestion without a database: which years open, the checks of a decision and its defaults.</summary>
public sealed class ReviewRulesTests
{
    private static readonly DateOnly Start = new(2024, 3, 15);

    /// <summary>The first day after year 1: the review of year 1 may be decided from then on.</summary>
    private static readonly DateOnly End = Start.AddYears(1);

    private static readonly DecisionLine[] Lines =
    [
        new("access", "Accès aux soins", 90_000m, 35_000m, 28_000m),
        new("prevention", "Prévention", 20_000m, 10_000m, null),
    ];

    private static AciContract Contract()
    {
        var draft = new ContractDraft("avenant2-2021", Start, "DG de l'ARS", "Directeur de la CPAM", [], null, null);
        return AciContract.Sign(draft, Guid.NewGuid(), 3, Start, "officier", DateTimeOffset.UnixEpoch).Value!;
    }

    private static DecisionDraft Draft(string? outcome = "Objectifs atteints.", DateOnly? on = null, params MissionDecisionDraft[] missions) =>
        new(missions.Length > 0 ? missions : [new("access", true, null, null, null), new("prevention", false, null, null, "Recrutement en cours")], outcome, on);

    [Theory]
    [InlineData(1, "2024-03-15", null)]
    [InlineData(2, "2025-03-14", "year_not_started")]
    [InlineData(2, "2025-03-15", null)]
    [InlineData(0, "2030-01-01", "year_outside_contract")]
    [InlineData(6, "2030-01-01", "year_outside_contract")]
    public void A_year_of_the_contract_that_has_begun_may_be_opened(int year, string today, string? code) =>
        Assert.Equal(code, ReviewRules.OpenableYear(Contract(), year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))?.Code);

    [Fact]
    public void Amounts_left_out_take_the_grid_fixed_part_when_the_means_are_deployed_and_the_computed_variable_part()
    {
        var (missions, errors) = ReviewRules.Decide(Draft(), Lines, 1, End, End);
        Assert.Empty(errors);
        Assert.Equal([("access", true, 90_000m, 28_000m), ("prevention", false, 0m, 0m)],
            missions.Select(m => (m.Mission, m.MeansDeployed, m.DecidedFixed!.Value, m.DecidedVariable!.Value)));
        Assert.Equal("Recrutement en cours", missions[1].Comment);
    }

    [Fact]
    public void A_mission_whose_weights_do_not_sum_to_one_needs_its_variable_part_stated()
    {
        DecisionLine[] lines = [Lines[0] with { ExpectedVariable = null, WeightsIncomplete = true }, Lines[1]];
        var (_, errors) = ReviewRules.Decide(Draft(), lines, 1, End, End);
        var error = Assert.Single(errors);
        Assert.Equal(("weights_incomplete", "missions"), (error.Code, error.Field));
        Assert.StartsWith("Accès aux soins : les poids de ses indicateurs ne totalisent pas 1", error.Message, StringComparison.Ordinal);

        var stated = Draft("Objectifs atteints.", null, new MissionDecisionDraft("access", true, null, 12_000m, null), new("prevention", true, null, null, null));
        var (missions, none) = ReviewRules.Decide(stated, lines, 1, End, End);
        Assert.Empty(none);
        Assert.Equal(12_000m, missions[0].DecidedVariable);
    }

    [Theory]
    [InlineData(90_000.01, 0, "amount_above_maximum")]
    [InlineData(0, 35_000.01, "amount_above_maximum")]
    [InlineData(-1, 0, "amount_negative")]
    [InlineData(10.005, 0, "amount_not_in_cents")]
    public void A_decided_amount_is_positive_in_cents_and_at_most_the_grid_maximum(double fixedPart, double variable, string code)
    {
        var draft = Draft(null, null, new MissionDecisionDraft("access", true, (decimal)fixedPart, (decimal)variable, null), new("prevention", true, 0m, 0m, null));
        var (_, errors) = ReviewRules.Decide(draft with { Outcome = "ok" }, Lines, 1, End, End);
        Assert.Equal(code, Assert.Single(errors).Code);
    }

    [Fact]
    public void Every_mission_is_decided_once_with_an_outcome_and_a_day_after_the_year_not_in_the_future()
    {
        var (_, errors) = ReviewRules.Decide(Draft(" ", Start.AddDays(-1), new MissionDecisionDraft("ACCESS", true, null, null, null),
            new("access", true, null, null, null), new("support", true, null, null, null)), Lines, 1, End, End);
        Assert.Equal(["mission_duplicate", "mission_not_in_year", "mission_missing", "outcome_required", "year_not_ended"], errors.Select(e => e.Code));
        Assert.Equal("decided_on_in_future", Assert.Single(ReviewRules.Decide(Draft(on: End.AddDays(2)), Lines, 1, End, End.AddDays(1)).Errors).Code);
    }

    [Theory]
    [InlineData("2026-12-06", null, "year_not_ended")]     // issue 11: Redon's year 1 runs from 28/01/2026 to 27/01/2027
    [InlineData("2027-01-27", null, "year_not_ended")]     // its last day
    [InlineData("2027-01-28", null, null)]                 // the day after
    [InlineData("2027-03-01", "2027-01-27", "year_not_ended")]  // once ended, not dated inside the year
    [InlineData("2027-03-01", "2027-02-16", null)]
    public void The_review_of_a_year_is_decided_only_once_the_contract_year_has_ended(string today, string? decidedOn, string? code)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var contract = AciContract.Sign(new ContractDraft("avenant2-2021", new DateOnly(2026, 1, 28), "DG de l'ARS Bretagne", "Directeur de la CPAM", [], null, null),
            Guid.NewGuid(), 2, new DateOnly(2026, 1, 28), "officier", DateTimeOffset.UnixEpoch).Value!;
        var from = ReviewRules.DecidableFrom(contract, 1);
        Assert.Equal(new DateOnly(2027, 1, 28), from);
        var on = decidedOn is null ? (DateOnly?)null : DateOnly.Parse(decidedOn, inv);
        var errors = ReviewRules.Decide(Draft(on: on), Lines, 1, from, DateOnly.Parse(today, inv)).Errors;
        Assert.Equal(code, errors.SingleOrDefault()?.Code);
        if (code is not null)
        {
            Assert.Equal(("decidedOn", "La revue de l'année 1 ne peut être conclue qu'après la fin de l'année de contrat, le 27/01/2027."),
                (errors[0].Field, errors[0].Message));
        }
    }

    [Fact]
    public void An_action_has_a_title_and_its_mission_is_one_of_the_year()
    {
        Assert.Empty(ReviewRules.CheckAction("Permanence de soins estivale", "access", null, Lines));
        Assert.Equal(["title_required", "mission_not_in_year"], ReviewRules.CheckAction(" ", "quality", null, Lines).Select(e => e.Code));
        Assert.Equal("held_on_before_year", Assert.Single(ReviewRules.CheckRecord(Contract(), 2, Start.AddYears(1).AddDays(-1), null)).Code);
    }
}

/// <summary>The PDF of a review pack is written with DejaVu Sans embedded and read back with its French text.</summary>
public sealed class ReviewPackPdfTests
{
    [Fact]
    public void The_pdf_reads_back_with_accents_amounts_and_every_section()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(ReviewPackPdf.Write(Pack("CPAM, ARS")));
        var text = Text(document);
        Assert.Contains("CPTS du Pays de Redon", text, StringComparison.Ordinal);
        Assert.Contains("Accès aux soins : maximum 125 000 €", text, StringComparison.Ordinal);
        Assert.Contains("Départ d'un médecin", text, StringComparison.Ordinal);
        Assert.Contains("Participants : CPAM, ARS", text, StringComparison.Ordinal);
        Assert.Contains("réalisé 5, taux 50,0 %", text, StringComparison.Ordinal);
        Assert.Contains("Montants de l'année", text, StringComparison.Ordinal);
        Assert.Contains("Actions hors contrat sans mission", text, StringComparison.Ordinal);
        Assert.Equal("Dialogue de gestion — année 1 du contrat — CPTS du Pays de Redon", document.Information.Title);
    }

    [Fact]
    public void The_pdf_keeps_every_french_letter_and_the_euro_sign_in_the_embedded_dejavu_fonts()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(ReviewPackPdf.Write(Pack("Élisabeth Lœuvre, Noël Façon, Jérôme Müller → 3 €")));
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("€", words);
        foreach (var word in new[] { "Élisabeth", "Lœuvre,", "Noël", "Façon,", "Jérôme", "Müller", "→", "Accès", "année" })
        {
            Assert.Contains(word, words);
        }

        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.Contains(fonts, f => f.EndsWith("DejaVuSans", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.EndsWith("DejaVuSans-Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_font_cannot_write_becomes_a_question_mark_instead_of_failing()
    {
        var cyrillic = new string([.. Enumerable.Range(0x0400, 0x100).Select(c => (char)c)]);
        using var document = UglyToad.PdfPig.PdfDocument.Open(ReviewPackPdf.Write(Pack("Jean 中 \U0001F600 Zoé\nCPAM " + cyrillic)));
        var text = Text(document);
        Assert.Contains("Participants : Jean ? ?? Zoé CPAM", text, StringComparison.Ordinal);
        Assert.Contains("CPTS du Pays de Redon", text, StringComparison.Ordinal);
    }

    private static string Text(UglyToad.PdfPig.PdfDocument document) =>
        string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

    private static ReviewPack Pack(string participants)
    {
        var line = new PackLine("access", "Accès aux soins", 90_000m, 35_000m, 90_000m, 17_500m, null, null, 0m, []);
        var indicator = new PackIndicator(Guid.NewGuid(), "Patients orientés", Maillage.Funding.Indicators.IndicatorKind.Result, "patients", 1m, false, 10m, 5m,
            "Départ d'un médecin", "Compte rendu du 12/06", false, null, 0.5m, [], [.. Enumerable.Range(1, 5).Select(y => new TrajectoryPoint(y, 10m * y, y == 1 ? 5m : null))]);
        return new ReviewPack(Guid.NewGuid(), "CPTS du Pays de Redon", 1, new DateOnly(2024, 3, 15), new DateOnly(2029, 3, 14), "avenant2-2021", 1,
            new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 14), 3, false, new PackReview(Guid.NewGuid(), ReviewStatus.Open, null, participants, null, null, 0),
            null, [new PackMission(line, null, null, null, [indicator], [])], [], new PackTotals(125_000m, 107_500m, null, 0m),
            Maillage.Funding.FundingRights.None);
    }
}
