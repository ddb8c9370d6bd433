using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>
/// The answer link mailed to a volunteer: opening it changes nothing (mail scanners open links) and shows the proposal without the patient's
/// identity (age, commune, criteria); the doctor accepts, or refuses with a reason. The secret in the address is the proof; it stops working
/// once answered, withdrawn, or after 30 days.
/// </summary>
[AllowAnonymous]
public sealed class ReponseModel(Proposals proposals, DeskCommunes places) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Secret { get; set; }

    public ProposalSummary? Summary { get; private set; }

    public bool? Accepted { get; private set; }

    public string CommuneName(string code) => places.NameOf(code);

    public async Task<IActionResult> OnGetAsync(Guid proposalId, CancellationToken ct)
    {
        var summary = await proposals.ReadByLinkAsync(proposalId, Secret, ct);
        Summary = summary.Value;
        Outcome(summary.Errors, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid proposalId, bool accept, string? reason, CancellationToken ct)
    {
        var summary = await proposals.ReadByLinkAsync(proposalId, Secret, ct);
        Summary = summary.Value;
        if (!summary.Succeeded)
        {
            Outcome(summary.Errors, null);
            return Page();
        }

        var result = await proposals.AnswerByLinkAsync(proposalId, Secret, accept, reason, ct);
        Outcome(result.Errors, accept
            ? "Merci : le patient est à vous. La coordination de la CPTS le prévient ; son dossier est sur la plateforme, rubrique « Médecin traitant »."
            : "Votre refus est noté : la coordination proposera ce patient à un autre médecin.");
        if (result.Succeeded)
        {
            Accepted = accept;
        }

        return Page();
    }
}
