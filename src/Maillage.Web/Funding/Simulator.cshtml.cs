using System.Globalization;
using Maillage.Funding;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Funding;

/// <summary>
/// The ACI simulator: a population (or a CPTS the user may read), a rule set, the optional missions and the crisis plan give
/// the maximum annual funding per line. A GET form: simulating writes nothing, and the result can be bookmarked.
/// </summary>
public sealed class SimulatorModel(SimulateAci simulate, SimulateAciForCpts forCpts, ReadCpts read) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "population")]
    public string? Population { get; set; }

    [BindProperty(SupportsGet = true, Name = "cpts")]
    public string? Cpts { get; set; }

    [BindProperty(SupportsGet = true, Name = "bareme")]
    public string? RuleSet { get; set; }

    /// <summary>The optional missions ticked (operating and the socle missions are always in).</summary>
    [BindProperty(SupportsGet = true, Name = "missions")]
    public List<string> Missions { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "plan")]
    public string? CrisisPlan { get; set; }

    [BindProperty(SupportsGet = true, Name = "crise")]
    public string? CrisisOccurred { get; set; }

    public IReadOnlyList<CptsListItem> CptsChoices { get; private set; } = [];

    public AciRuleSets RuleSets => simulate.RuleSets;

    /// <summary>The rule set whose missions are offered as checkboxes: the one chosen, or the default when the chosen one has no breakdown.</summary>
    public AciRuleSet MissionGrid => RuleSets.Find(RuleSet ?? "") is { HasMissionBreakdown: true } chosen ? chosen : RuleSets.Default;

    public AciSimulation? Result { get; private set; }

    /// <summary>The CPTS the simulation was made for, if one was chosen.</summary>
    public CptsListItem? ForCpts { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public bool PlanIsUpdate => string.Equals(CrisisPlan, AciInput.YearlyUpdate, StringComparison.Ordinal);

    public bool CrisisTicked => CrisisOccurred is "true" or "on";

    public bool HasError(string field) => Errors.Any(e => e.Field == field);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        CptsChoices = [.. (await read.ListAsync(actor, ct)).Where(c => c.Population > 0)];
        if (!Request.Query.ContainsKey("population") && !Request.Query.ContainsKey("cpts"))
        {
            return;   // first visit: the form alone
        }

        var chosenSet = RuleSets.Find(RuleSet ?? "");
        var missions = chosenSet is { HasMissionBreakdown: false } ? SimulateAci.AllMissions
            : string.Join(',', MissionGrid.Lines.Where(l => l.Kind is AciLineKind.Operating or AciLineKind.Socle).Select(l => l.Id).Concat(Missions));
        var options = AciInput.ParseOptions(RuleSet, missions, CrisisPlan, CrisisTicked ? "true" : "false");
        if (!options.Succeeded)
        {
            Errors = options.Errors;
            return;
        }

        Result<AciSimulation> result;
        if (!string.IsNullOrWhiteSpace(Cpts))
        {
            var id = Guid.TryParse(Cpts, CultureInfo.InvariantCulture, out var parsed) ? parsed : Guid.Empty;
            ForCpts = CptsChoices.FirstOrDefault(c => c.Id == id);
            result = await forCpts.RunAsync(id, actor, options.Value!, ct);
        }
        else
        {
            var population = AciInput.ParsePopulation(Population);
            result = population.Succeeded ? simulate.ForPopulation(population.Value, options.Value!) : Result<AciSimulation>.Fail(population.Errors);
        }

        Result = result.Value;
        Errors = result.Errors;
    }
}
