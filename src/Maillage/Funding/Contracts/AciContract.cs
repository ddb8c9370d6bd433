using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Contracts;

/// <summary>
/// The ACI contract of a CPTS (domain-rules §3–§4): tripartite (CPTS, ARS, CPAM), signed on a date for five years, pinned to the
/// rule set it was signed under, with the tier at signature, the missions chosen, and its amendments (avenants).
/// </summary>
public sealed class AciContract : Maillage.Platform.Persistence.IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    /// <summary>The length of a contract, in years.</summary>
    public const int Years = 5;

    public Guid Id { get; set; }

    /// <summary>One contract per CPTS (a unique index).</summary>
    public Guid CptsId { get; set; }

    /// <summary>1 for the CPTS's first contract, 2 for its renewal…: unique per CPTS, so two renewals recorded at once cannot both land.</summary>
    public int Number { get; set; } = 1;

    /// <summary>The id of the ACI rule set it was signed under; kept when the default rule set changes.</summary>
    public string RuleSetId { get; set; } = "";

    public DateOnly SignedOn { get; set; }

    /// <summary>Signature + five years (the day the contract no longer applies), computed at signature and stored.</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>The tier stored on the CPTS at signature; changed only by an amendment.</summary>
    public int TierAtSignature { get; set; }

    /// <summary>The signing authority for the ARS (free text, e.g. « Directeur général de l'ARS Centre-Val de Loire »).</summary>
    public string ArsSignatory { get; set; } = "";

    /// <summary>The signing authority for the CPAM.</summary>
    public string CpamSignatory { get; set; } = "";

    /// <summary>
    /// The région (INSEE code) of the ARS that signed: with <see cref="CpamDepartement"/>, who decides for the funders (<see cref="ContractFunders"/>).
    /// Null on a contract recorded before it was asked for: then every région of the territory.
    /// </summary>
    public string? ArsRegion { get; set; }

    /// <summary>The département (INSEE code) of the CPAM that signed; null on a contract recorded before it was asked for (every département).</summary>
    public string? CpamDepartement { get; set; }

    /// <summary>The missions chosen at signature, as ",access,pathways,prevention,crisis,quality,": the four socle ones and the optional ones.</summary>
    public string Missions { get; set; } = ",";

    /// <summary>The year the crisis plan is first drafted (the years after, it is updated).</summary>
    public int CrisisPlanYear { get; set; }

    public string? Summary { get; set; }

    /// <summary>
    /// The share of each mission's fixed part paid at the start of the contract year (signature or anniversary); the rest is paid after
    /// the dialogue de gestion. 0.75 by the texts (domain-rules §4); 1 pays it all at once, as the national report asks.
    /// </summary>
    public decimal FixedAdvanceShare { get; set; } = DefaultFixedAdvanceShare;

    /// <summary>How the variable part is computed from the achievement rates (the default formula or a per-contract override).</summary>
    public VariableRule VariableRule { get; set; }

    /// <summary>With <see cref="VariableRule.Threshold"/>: an indicator below this rate (in [0, 1]) brings nothing.</summary>
    public decimal? VariableFloor { get; set; }

    /// <summary>
    /// Months after the end of a contract year when the balance of the fixed part and the variable part are expected (paid in year
    /// N+1, after the dialogue de gestion); once the review is decided, its decision date is used.
    /// </summary>
    public int BalanceMonths { get; set; } = DefaultBalanceMonths;

    public const decimal DefaultFixedAdvanceShare = 0.75m;

    public const int DefaultBalanceMonths = 3;

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public List<AciAmendment> Amendments { get; set; } = [];

    /// <summary>Application-managed concurrency token, incremented on every save.</summary>
    public int Version { get; set; }

    public IReadOnlyList<string> MissionIds => ContractMissions.Parse(Missions);

    /// <summary>The last day the contract applies.</summary>
    public DateOnly LastDay => EndsOn.AddDays(-1);

    public bool Covers(DateOnly date) => date >= SignedOn && date < EndsOn;

    /// <summary>
    /// Checks and builds a contract. Rules: the signature date is given and not after today; the optional missions are among
    /// quality and support (the socle ones are always in); the crisis plan is first drafted in a year of the contract (default:
    /// the signature year); both signatories are named.
    /// </summary>
    public static Result<AciContract> Sign(ContractDraft draft, Guid cptsId, int tier, DateOnly today, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<Error>();
        if (draft.SignedOn is not { } signed)
        {
            errors.Add(new Error("signed_on_required", "La date de signature est obligatoire.", "signedOn"));
            signed = today;
        }
        else if (signed > today)
        {
            errors.Add(new Error("signed_on_in_future", $"La date de signature du {French.Date(signed)} est dans le futur.", "signedOn"));
        }

        errors.AddRange(CheckSignatories(draft.ArsSignatory, draft.CpamSignatory));
        var optional = ContractMissions.Normalise(draft.OptionalMissions);
        var notOptional = optional.Where(m => !ContractMissions.Socle.Contains(m) && !ContractMissions.Optional.Contains(m)).ToList();
        if (notOptional.Count > 0)
        {
            errors.Add(new Error("unknown_mission",
                $"Mission inconnue : {string.Join(", ", notOptional.Select(m => $"« {m} »"))}. Missions optionnelles : {ContractMissions.Choices(ContractMissions.Optional)}.",
                "missions"));
        }

        var ends = signed.AddYears(Years);
        var crisisYear = draft.CrisisPlanYear ?? signed.Year;
        if (crisisYear < signed.Year || crisisYear > ends.AddDays(-1).Year)
        {
            errors.Add(new Error("crisis_plan_year_outside",
                $"L'année de première rédaction du plan de crise ({crisisYear}) doit être une année du contrat ({signed.Year} à {ends.AddDays(-1).Year}).",
                "crisisPlanYear"));
        }

        if (errors.Count > 0)
        {
            return Result<AciContract>.Fail(errors);
        }

        return Result<AciContract>.Ok(new AciContract
        {
            Id = Guid.NewGuid(), CptsId = cptsId, SignedOn = signed, EndsOn = ends, TierAtSignature = tier,
            ArsSignatory = draft.ArsSignatory!.Trim(), CpamSignatory = draft.CpamSignatory!.Trim(),
            Missions = ContractMissions.AsList(ContractMissions.Socle.Concat(optional)), CrisisPlanYear = crisisYear,
            Summary = Clean(draft.Summary), RecordedBy = recordedBy, RecordedAt = recordedAt,
        });
    }

    /// <summary>Changes the signatories and the summary; the terms change only by amendment.</summary>
    public IReadOnlyList<Error> Edit(string? arsSignatory, string? cpamSignatory, string? summary)
    {
        var errors = CheckSignatories(arsSignatory, cpamSignatory);
        if (errors.Count == 0)
        {
            (ArsSignatory, CpamSignatory, Summary) = (arsSignatory!.Trim(), cpamSignatory!.Trim(), Clean(summary));
        }

        return errors;
    }

    /// <summary>
    /// Checks and appends the next amendment. Rules: it takes effect within the contract period, not before the previous one;
    /// a mission added is an optional one not already in force, a mission removed is an optional one in force (a socle mission
    /// can never be removed); a new tier is a tier of the grid, different from the one in force, and comes with its reason; a lower
    /// tier respects the <paramref name="notice"/> when given (<see cref="TierDropNotice"/>); the summary is required.
    /// </summary>
    public Result<AciAmendment> Amend(AmendmentDraft draft, int tierCount, string recordedBy, DateTimeOffset recordedAt, TierDropNotice? notice = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<Error>();
        var previous = Amendments.OrderBy(a => a.Number).LastOrDefault();
        var current = ContractTerms.On(this, previous?.EffectiveOn ?? SignedOn);
        if (draft.EffectiveOn is not { } effective)
        {
            errors.Add(new Error("effective_on_required", "La date d'effet de l'avenant est obligatoire.", "effectiveOn"));
        }
        else if (!Covers(effective))
        {
            errors.Add(new Error("effective_on_outside",
                $"La date d'effet du {French.Date(effective)} est hors du contrat (du {French.Date(SignedOn)} au {French.Date(LastDay)}).", "effectiveOn"));
        }
        else if (previous is not null && effective < previous.EffectiveOn)
        {
            errors.Add(new Error("effective_on_before_previous",
                $"La date d'effet du {French.Date(effective)} précède celle de l'avenant n° {previous.Number} ({French.Date(previous.EffectiveOn)}).", "effectiveOn"));
        }

        var effectiveChecked = errors.Count == 0;
        var added = ContractMissions.Normalise(draft.AddedMissions);
        var removed = ContractMissions.Normalise(draft.RemovedMissions);
        errors.AddRange(CheckMissionChanges(added, removed, current.Missions));
        if (draft.Tier is { } tier)
        {
            if (tier < 1 || tier > tierCount)
            {
                errors.Add(new Error("tier_out_of_grid", $"La taille {tier} n'existe pas dans le barème {RuleSetId} (tailles 1 à {tierCount}).", "tier"));
            }
            else if (tier == current.Tier)
            {
                errors.Add(new Error("tier_unchanged", $"La taille en vigueur est déjà {tier}.", "tier"));
            }
            else if (effectiveChecked && notice?.Check(this, tier, draft.EffectiveOn!.Value) is { } tooEarly)
            {
                errors.Add(tooEarly);
            }

            if (string.IsNullOrWhiteSpace(draft.TierReason))
            {
                errors.Add(new Error("tier_reason_required", "Indiquez le motif du changement de taille.", "tierReason"));
            }
        }

        if (string.IsNullOrWhiteSpace(draft.Summary))
        {
            errors.Add(new Error("summary_required", "Résumez l'objet de l'avenant.", "summary"));
        }
        else if (draft.Summary.Trim().Length > 4000)
        {
            errors.Add(new Error("summary_too_long", "Le résumé de l'avenant est limité à 4 000 caractères.", "summary"));
        }

        if (errors.Count > 0)
        {
            return Result<AciAmendment>.Fail(errors);
        }

        var amendment = new AciAmendment
        {
            Id = Guid.NewGuid(), ContractId = Id, Number = (previous?.Number ?? 0) + 1, EffectiveOn = draft.EffectiveOn!.Value,
            AddedMissions = ContractMissions.AsList(added), RemovedMissions = ContractMissions.AsList(removed),
            Tier = draft.Tier, TierReason = draft.Tier is null ? null : draft.TierReason!.Trim(), Summary = draft.Summary!.Trim(),
            RecordedBy = recordedBy, RecordedAt = recordedAt,
        };
        Amendments.Add(amendment);
        return Result<AciAmendment>.Ok(amendment);
    }

    private static List<Error> CheckMissionChanges(IReadOnlyList<string> added, IReadOnlyList<string> removed, IReadOnlyList<string> inForce)
    {
        var errors = new List<Error>();
        var socleRemoved = removed.Where(ContractMissions.Socle.Contains).ToList();
        if (socleRemoved.Count > 0)
        {
            errors.Add(new Error("socle_mission_removed",
                $"Une mission socle ne peut pas être retirée : {ContractMissions.Describe(socleRemoved)}.", "removedMissions"));
        }

        var unknown = added.Concat(removed).Where(m => !ContractMissions.Socle.Contains(m) && !ContractMissions.Optional.Contains(m)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new Error("unknown_mission",
                $"Mission inconnue : {string.Join(", ", unknown.Select(m => $"« {m} »"))}. Missions optionnelles : {ContractMissions.Choices(ContractMissions.Optional)}.",
                "addedMissions"));
        }

        var already = added.Where(inForce.Contains).ToList();
        if (already.Count > 0)
        {
            errors.Add(new Error("mission_already_in_force", $"Déjà au contrat : {ContractMissions.Describe(already)}.", "addedMissions"));
        }

        var absent = removed.Where(m => ContractMissions.Optional.Contains(m) && !inForce.Contains(m)).ToList();
        if (absent.Count > 0)
        {
            errors.Add(new Error("mission_not_in_force", $"Pas au contrat : {ContractMissions.Describe(absent)}.", "removedMissions"));
        }

        return errors;
    }

    private static List<Error> CheckSignatories(string? ars, string? cpam)
    {
        var errors = new List<Error>();
        foreach (var (value, field, who) in new[] { (ars, "arsSignatory", "l'ARS"), (cpam, "cpamSignatory", "la CPAM") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new Error("signatory_required", $"Indiquez l'autorité signataire pour {who}.", field));
            }
            else if (value.Trim().Length > 200)
            {
                errors.Add(new Error("signatory_too_long", $"L'autorité signataire pour {who} est limitée à 200 caractères.", field));
            }
        }

        return errors;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 4000)];

    public override string ToString() => $"contrat ACI {Id}";
}

/// <summary>
/// What a user gives to record a contract (the tier is the CPTS's); the ARS's région and the CPAM's département may be left out when the
/// territory has only one (<see cref="ContractFunders.Check"/>).
/// </summary>
public sealed record ContractDraft(string? RuleSet, DateOnly? SignedOn, string? ArsSignatory, string? CpamSignatory,
    IReadOnlyList<string>? OptionalMissions, int? CrisisPlanYear, string? Summary, string? ArsRegion = null, string? CpamDepartement = null);

/// <summary>What a user gives to record an amendment.</summary>
public sealed record AmendmentDraft(DateOnly? EffectiveOn, IReadOnlyList<string>? AddedMissions, IReadOnlyList<string>? RemovedMissions,
    int? Tier, string? TierReason, string? Summary);

/// <summary>An avenant to an ACI contract, numbered 1, 2… in the order of their effective dates.</summary>
public sealed class AciAmendment
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public int Number { get; set; }

    public DateOnly EffectiveOn { get; set; }

    /// <summary>Optional missions added, as ",quality,".</summary>
    public string AddedMissions { get; set; } = ",";

    /// <summary>Optional missions removed, as ",support,".</summary>
    public string RemovedMissions { get; set; } = ",";

    /// <summary>The tier from the effective date, if the amendment changes it.</summary>
    public int? Tier { get; set; }

    public string? TierReason { get; set; }

    public string Summary { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public IReadOnlyList<string> Added => ContractMissions.Parse(AddedMissions);

    public IReadOnlyList<string> Removed => ContractMissions.Parse(RemovedMissions);
}

/// <summary>
/// How the variable part of a mission is computed from its indicators' achievement rates (envelope × Σ weightᵢ × rateᵢ):
/// the default rate is min(achieved / target, 1); a contract may agree on another one.
/// </summary>
public enum VariableRule
{
    /// <summary>rate = min(achieved / target, 1) (domain-rules §4 default).</summary>
    Proportional,

    /// <summary>As proportional, but a rate below the contract's floor counts as 0.</summary>
    Threshold,

    /// <summary>rate = 1 when the target is reached, else 0.</summary>
    AllOrNothing,
}
