using Maillage.Funding.Indicators;
using Maillage.Funding.Reviews;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Demo;

/// <summary>
/// The indicators of the demo CPTS du Pays de Redon's current contract (its renewal of 28/01/2026) and the year's dialogue de gestion in
/// preparation: the objectives of every mission with their weights and five-year trajectories, the values of year 1 with their
/// justifications, one target adjusted mid-year (agreed in the comité de suivi), one objective neutralised as obsolete, one figure
/// computed from the platform (the adhérents who paid their dues, <c>members.dues-paid</c>: 12 of 26 adhérents), and the review of year 1
/// opened with an action done outside the contract.
/// </summary>
public sealed class SeedFundingIndicatorsDemo(SaveIndicator save, RecordIndicatorValue values, AdjustIndicatorTarget adjust,
    MarkIndicatorObsolete obsolete, ComputeIndicatorValue compute, OpenReview open, EditReview edit, AddReviewAction actions)
{
    private sealed record Objective(string Mission, string Name, string Kind, string Unit, decimal Weight, decimal[] Targets, decimal? Year1,
        string? Justification = null, bool Local = false, string? SourceKey = null);

    private static readonly Objective[] Objectives =
    [
        new("access", "Patients en ALD sans médecin traitant à qui un médecin a été trouvé", "result", "patients", 0.4m, [150, 250, 350, 400, 450], 96,
            "Deux départs en retraite non remplacés au printemps ; 41 demandes encore en attente d'attribution."),
        new("access", "Plages de soins non programmés ouvertes par semaine", "process", "plages", 0.3m, [10, 15, 20, 20, 20], 12),
        new("access", "Adhérents à jour de leur adhésion", "means", "adhérents", 0.3m, [15, 18, 22, 25, 28], null, SourceKey: "members.dues-paid"),
        new("pathways", "Patients insuffisants cardiaques inclus dans le parcours de sortie d'hospitalisation", "result", "patients", 0.6m, [40, 60, 80, 90, 100], 34,
            "Parcours démarré en avril avec le service de cardiologie de l'hôpital de Redon."),
        new("pathways", "Protocoles pluriprofessionnels validés", "process", "protocoles", 0.4m, [2, 3, 4, 5, 6], 2, Local: true),
        new("prevention", "Actions de dépistage organisées sur le territoire", "process", "actions", 0.7m, [4, 6, 8, 8, 8], 5),
        new("prevention", "Campagne commune de vaccination antigrippale en officine", "process", "campagnes", 0.3m, [1, 1, 1, 1, 1], null),
        new("crisis", "Plan de réponse aux crises sanitaires rédigé et exercé", "means", "plan", 1m, [1, 1, 1, 1, 1], 1,
            "Plan adopté par le conseil d'administration ; exercice « canicule » le 2 juillet."),
        new("quality", "Revues de pertinence pluriprofessionnelles", "process", "revues", 1m, [3, 4, 4, 5, 5], 2),
        new("support", "Soirées d'accueil des professionnels nouvellement installés", "process", "soirées", 1m, [2, 2, 3, 3, 3], 1, Local: true),
    ];

    public async Task RunAsync(Guid redon, CancellationToken ct = default)
    {
        var actor = Actor.System;
        var created = new Dictionary<string, ContractIndicator>();
        foreach (var o in Objectives)
        {
            var draft = new IndicatorDraft(o.Mission, o.Name, o.Kind, o.Unit, o.Local, o.Weight,
                [.. o.Targets.Select((t, i) => new TargetDraft(i + 1, t))]);
            var indicator = Expect(await save.CreateAsync(redon, draft, new SourceDraft(o.SourceKey is null ? "manual" : "computed", o.SourceKey), actor, ct));
            if (o.Year1 is { } achieved)
            {
                indicator = Expect(await values.RunAsync(redon, indicator.Id, 1, achieved, o.Justification, o.Justification is null ? null : "Tableau de suivi de la coordination",
                    actor, ct));
            }

            created[o.Name] = indicator;
        }

        var access = created[Objectives[0].Name];
        Expect(await adjust.RunAsync(redon, access.Id, new AdjustmentDraft(1, 110, "Un médecin généraliste du territoire est décédé en juin : "
            + "la capacité d'accueil de nouveaux patients a baissé.", "Comité de suivi : CPAM d'Ille-et-Vilaine, ARS Bretagne, bureau de la CPTS",
            new DateOnly(2026, 9, 15)), access.Version, actor, ct));
        var vaccination = created[Objectives[6].Name];
        Expect(await obsolete.RunAsync(redon, vaccination.Id, 1, "Remplacée par la campagne nationale de vaccination en officine : l'action n'a plus d'objet local.",
            vaccination.Version, actor, ct));
        Expect(await compute.RunAsync(redon, created[Objectives[2].Name].Id, 1, actor, ct));

        var review = Expect(await open.RunAsync(redon, 1, actor, ct));
        Expect(await edit.RunAsync(redon, 1, new DateOnly(2027, 2, 16), "CPAM d'Ille-et-Vilaine, ARS Bretagne (délégation départementale), bureau de la CPTS",
            review.Version, actor, ct));
        Expect(await actions.RunAsync(redon, 1, "Renfort de la permanence de soins pendant l'épidémie de bronchiolite", "access",
            "Trois samedis de consultations pédiatriques supplémentaires organisés avec la maison de santé, hors objectifs du contrat.", actor, ct));
    }

    private static T Expect<T>(Result<T> result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Démo : indicateurs refusés : " + string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        return result.Value!;
    }
}
