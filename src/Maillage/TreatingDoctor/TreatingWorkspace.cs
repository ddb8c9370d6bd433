using Maillage.Lifecycle.Published;
using Maillage.Platform;
using Maillage.Platform.Indicators;
using Maillage.Platform.Persistence;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor;

/// <summary>
/// « À faire » of the desk: for the coordinator, requests to triage, drafts to send, proposals without an answer after
/// <see cref="AnswerDays"/> days, accepted steps stale after <see cref="StaleDays"/> days; for a volunteer, the proposals waiting for their
/// answer.
/// </summary>
public sealed class TreatingToDo(MaillageDbContext db, TimeProvider clock) : IToDoSource
{
    public const int AnswerDays = 7;

    public const int StaleDays = 21;

    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var lines = new List<ToDo>();
        var href = $"/cpts/{tenant.Id}/medecin-traitant";
        var now = clock.GetUtcNow();
        if (tenant.Manages)
        {
            var cptsId = tenant.Id;
            var toTriage = await db.TreatingRequests().CountAsync(r => r.CptsId == cptsId && r.Status == RequestStatus.New && r.MergedIntoId == null, ct);
            if (toTriage > 0)
            {
                lines.Add(new("treating.to-triage", French.Count(toTriage, "demande de médecin traitant à trier", "demandes de médecin traitant à trier"),
                    href + "?statut=New", toTriage));
            }

            var drafts = await db.TreatingProposals().CountAsync(p => p.CptsId == cptsId && p.Status == ProposalStatus.Draft, ct);
            if (drafts > 0)
            {
                lines.Add(new("treating.drafts", French.Count(drafts, "proposition d'attribution à relire et envoyer", "propositions d'attribution à relire et envoyer"),
                    href + "/attribution", drafts));
            }

            var answerBefore = now.AddDays(-AnswerDays);
            var unanswered = await db.TreatingProposals().CountAsync(p => p.CptsId == cptsId && p.Status == ProposalStatus.Sent && (p.RemindedAt ?? p.SentAt) < answerBefore, ct);
            if (unanswered > 0)
            {
                lines.Add(new("treating.unanswered", French.Count(unanswered, $"proposition sans réponse du médecin depuis plus de {AnswerDays} jours",
                    $"propositions sans réponse du médecin depuis plus de {AnswerDays} jours") + " : relancez", href + "?statut=Proposed", unanswered));
            }

            var staleBefore = now.AddDays(-StaleDays);
            var stale = await db.TreatingRequests().CountAsync(r => r.CptsId == cptsId && r.MergedIntoId == null && r.StatusAt < staleBefore
                && (r.Status == RequestStatus.Accepted || r.Status == RequestStatus.Contacted || r.Status == RequestStatus.FirstConsultation
                    || r.Status == RequestStatus.Declared), ct);
            if (stale > 0)
            {
                lines.Add(new("treating.stale", French.Count(stale, $"suivi de patient sans nouvelle étape depuis {StaleDays} jours",
                    $"suivis de patients sans nouvelle étape depuis {StaleDays} jours"), href + "?statut=Accepted", stale));
            }
        }
        else if (tenant.ClaimedMemberId is { } memberId)
        {
            var volunteer = await db.TreatingVolunteers().AsNoTracking().FirstOrDefaultAsync(v => v.CptsId == tenant.Id && v.MemberId == memberId && v.Active, ct);
            if (volunteer is not null)
            {
                var waiting = await db.TreatingProposals().CountAsync(p => p.VolunteerId == volunteer.Id && p.Status == ProposalStatus.Sent, ct);
                if (waiting > 0)
                {
                    lines.Add(new("treating.answer", French.Count(waiting, "patient sans médecin traitant vous est proposé : acceptez ou refusez",
                        "patients sans médecin traitant vous sont proposés : acceptez ou refusez"), href, waiting));
                }
            }
        }

        return lines;
    }
}

/// <summary>Key figure of the home: patients given a treating doctor this year and those waiting (the team and officers; no patient).</summary>
public sealed class TreatingFigures(MaillageDbContext db) : IKeyFigureSource
{
    public async Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.Shapes)
        {
            return [];
        }

        var cptsId = tenant.Id;
        var yearStart = tenant.Clock.StartOf(new DateOnly(tenant.Today.Year, 1, 1));
        var found = await db.TreatingRequests().CountAsync(r => r.CptsId == cptsId && r.MergedIntoId == null && r.AcceptedAt >= yearStart
            && r.Status != RequestStatus.Withdrawn, ct);
        var waiting = await db.TreatingRequests().CountAsync(r => r.CptsId == cptsId && r.MergedIntoId == null
            && (r.Status == RequestStatus.New || r.Status == RequestStatus.Waiting || r.Status == RequestStatus.Proposed), ct);
        if (found + waiting == 0)
        {
            return [];
        }

        return [new KeyFigure("treating.found", "Patients orientés vers un médecin traitant cette année", French.Number(found),
            French.Count(waiting, "demande en cours", "demandes en cours"), tenant.Manages ? $"/cpts/{tenant.Id}/medecin-traitant" : null)];
    }
}

/// <summary>Patients whose treating doctor was declared to the CPAM in the period (the desk's success).</summary>
public sealed class TreatingDeclaredSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "treating.declared";

    public string Label => "Patients sans médecin traitant à qui la CPTS en a trouvé un (déclaration à la CPAM dans la période)";

    public string Unit => "patients";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await db.TreatingRequests().AsNoTracking().CountAsync(r => r.CptsId == cptsId && r.MergedIntoId == null
            && r.DeclaredAt >= period.From && r.DeclaredAt < period.To, ct);
    }
}

/// <summary>Among the patients declared in the period, the share in ALD (the national plan's first public), in percent.</summary>
public sealed class TreatingAldShareSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "treating.ald-share";

    public string Label => "Part des patients en ALD parmi ceux à qui la CPTS a trouvé un médecin traitant dans la période";

    public string Unit => "%";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var criteria = await db.TreatingRequests().AsNoTracking().Where(r => r.CptsId == cptsId && r.MergedIntoId == null
            && r.DeclaredAt >= period.From && r.DeclaredAt < period.To).Select(r => r.Criteria).ToListAsync(ct);
        const int Ald = 1 << (int)Assignment.Criterion.Ald;
        return criteria.Count == 0 ? 0 : Math.Round(100m * criteria.Count(c => (c & Ald) != 0) / criteria.Count, 1);
    }
}

/// <summary>Requests received in the period, every channel (duplicates merged count once).</summary>
public sealed class TreatingRequestsSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "treating.requests";

    public string Label => "Demandes de patients sans médecin traitant reçues par la CPTS";

    public string Unit => "demandes";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await db.TreatingRequests().AsNoTracking().CountAsync(r => r.CptsId == cptsId && r.MergedIntoId == null
            && r.FiledAt >= period.From && r.FiledAt < period.To, ct);
    }
}
