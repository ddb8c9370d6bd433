using System.Globalization;
using Maillage.Funding;
using Maillage.Funding.Payments;
using Maillage.Funding.Schedule;
using Maillage.Platform;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.Funding;

/// <summary><c>maillage aci schedule --cpts &lt;id&gt;</c>: the payment schedule of a CPTS's latest ACI contract, acting as the system.</summary>
internal sealed class AciSchedule : Command
{
    public override string Name => "aci schedule";

    public override string Synopsis => "--cpts <id>";

    public override string Summary => "Affiche l'échéancier des versements ACI du dernier contrat d'une CPTS : échéance, ligne, part, montant, statut, versé.";

    public override IReadOnlyList<string> Details =>
    [
        "--cpts <id> : l'identifiant de la CPTS (GUID).",
        "Fonctionnement et avance de la part fixe au début de chaque année du contrat ; solde et part variable à la décision du dialogue de gestion,",
        "  ou quelques mois après la fin de l'année (paramètre du contrat) tant qu'elle n'est pas décidée.",
        "JSON : {\"cptsId\", \"contractId\", \"ruleSet\", \"signedOn\", \"endsOn\", \"lines\": [{\"year\", \"line\", \"lineName\", \"part\", \"partName\", \"dueOn\",",
        "  \"amount\", \"confirmed\", \"paid\", \"paidOn\", \"explanation\"}], \"totals\": {\"due\", \"confirmed\", \"paid\", \"remaining\"}} — le document de l'API.",
        "Sort en 1 quand la CPTS est introuvable ou n'a pas de contrat ; en 2 quand --cpts manque ou n'est pas un GUID.",
    ];

    public override IReadOnlyList<string> Options => ["--cpts"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var cpts = args.Value("--cpts") ?? throw new CliUsageException("--cpts est obligatoire.");
        if (!Guid.TryParse(cpts, CultureInfo.InvariantCulture, out var id))
        {
            throw new CliUsageException($"--cpts attend l'identifiant d'une CPTS (un GUID), pas « {cpts} ».");
        }

        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReadFunding>().RunAsync(id, Actor.System, ct);
        if (!result.Succeeded)
        {
            return context.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var funding = result.Value!;
        var document = FundingDocuments.Schedule(funding);
        if (context.Json)
        {
            await context.WriteJsonAsync(document, ct);
            return CliApp.Success;
        }

        var table = Human.Table("Échéance", "Année", "Ligne", "Part", "Montant", "Statut", "Versé").RightAlign(1, 4, 6);
        foreach (var l in funding.Computation.Schedule)
        {
            table.Row(French.Date(l.DueOn), l.Year.ToString(CultureInfo.InvariantCulture), l.LineName, PaymentRules.Label(l.Part), AciLabels.Euros(l.Amount),
                FundingDocuments.Status(l.Confirmed), l.Paid is { } paid ? AciLabels.Euros(paid) : "—");
        }

        context.Console.Write(table);
        var t = document.Totals;
        await context.Out.WriteLineAsync(
            $"{funding.Cpts.Name} — contrat n° {funding.Contract.Number} du {French.Date(funding.Contract.SignedOn)} (barème {funding.Contract.RuleSetId}) : "
            + $"{AciLabels.Euros(t.Due)} au total, dont {AciLabels.Euros(t.Confirmed)} confirmés ; versé {AciLabels.Euros(t.Paid)} ; reste {AciLabels.Euros(t.Remaining)}.");
        return CliApp.Success;
    }
}
