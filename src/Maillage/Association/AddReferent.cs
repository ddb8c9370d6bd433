using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;
using Maillage.Directory.Published;
using Maillage.Membership.Published;

namespace Maillage.Association;

/// <summary>A referent: the adhérent, a profession (TRE_G15 code) or a working group — one of the two — and the first day (today by default).</summary>
public sealed record ReferentInput(Guid? MemberId, string? ProfessionCode = null, Guid? WorkingGroupId = null, DateOnly? From = null);

/// <summary>
/// Names the referent of a profession or of a working group or project (domain-rules §5): one referent at a time per profession and per
/// group; a profession's referent is a professional of that profession; a group's is any adhérent, the group being open. Those who run
/// the association.
/// </summary>
public sealed class AddReferent(MaillageDbContext db, Nomenclatures nomenclatures, AuditTrail audit, AssociationAccess access, MemberRoll roll)
{
    public async Task<Result<Referent>> RunAsync(Guid cptsId, ReferentInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.RunAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<Referent>.Fail(scope.Errors);
        }

        var today = scope.Value!.Today;
        var code = string.IsNullOrWhiteSpace(input.ProfessionCode) ? null : input.ProfessionCode.Trim();
        var member = await roll.EligibleAsync(cptsId, input.MemberId, "memberId", ct);
        var from = input.From ?? today;
        var errors = member.Errors.ToList();
        if ((code is null) == (input.WorkingGroupId is null))
        {
            errors.Add(new Error("profession_or_group", "Un référent l'est d'une profession ou d'un groupe de travail : choisissez l'un des deux.", "professionCode"));
        }
        else if (code is not null && !nomenclatures.Professions.ContainsKey(code))
        {
            errors.Add(new Error("unknown_profession", $"Profession « {code} » inconnue (code de la nomenclature TRE_G15, ex. 60 pour les infirmiers).", "professionCode"));
        }
        else if (code is not null && member.Succeeded && member.Value!.ProfessionCode != code)
        {
            errors.Add(new Error("other_profession", $"Le référent des « {nomenclatures.ProfessionLabel(code)} » exerce cette profession.", "memberId"));
        }

        if (from > today)
        {
            errors.Add(new Error("date_in_future", $"La date du {French.Date(from)} est dans le futur.", "from"));
        }

        if (errors.Count > 0)
        {
            return Result<Referent>.Fail(errors);
        }

        var referent = new Referent { Id = Guid.NewGuid(), CptsId = cptsId, MemberId = member.Value!.Id, ProfessionCode = code, WorkingGroupId = input.WorkingGroupId, From = from };
        var what = code is not null ? $"des « {nomenclatures.ProfessionLabel(code)} »" : "de ce groupe de travail";
        if (input.WorkingGroupId is { } groupId)
        {
            var group = await WorkingGroupLookup.OpenAsync(db, access, cptsId, groupId, actor, ct);
            if (!group.Succeeded)
            {
                return Result<Referent>.Fail(group.Errors.Select(e => e.Kind == ErrorKind.NotFound ? e with { Kind = ErrorKind.Validation, Field = "workingGroupId" } : e));
            }

            if (from < group.Value.Group.CreatedOn)
            {
                return new Error("before_group", $"Le groupe a été créé le {French.Date(group.Value.Group.CreatedOn)} : son référent l'est à partir de ce jour.", "from");
            }

            AssociationStore.Touch(db, group.Value.Group);
        }

        var same = db.Referents().Where(r => r.CptsId == cptsId);
        same = code is not null ? same.Where(r => r.ProfessionCode == code) : same.Where(r => r.WorkingGroupId == input.WorkingGroupId);
        var others = await same.ToListAsync(ct);
        if (others.FirstOrDefault(o => MandateRules.Overlap(from, null, o.From, o.To)) is { } current)
        {
            return new Error("referent_taken", $"Le référent {what} l'est {MandateRules.Period(current.From, current.To)} : un seul à la fois ; "
                + "terminez d'abord son mandat.", code is not null ? "professionCode" : "workingGroupId", ErrorKind.Conflict);
        }

        db.Referents().Add(referent);
        audit.Record(actor, cptsId, "referent.added", $"Référent {referent.Id} : adhérent {referent.MemberId}, "
            + (code is not null ? $"profession « {nomenclatures.ProfessionLabel(code)} »" : $"groupe de travail {input.WorkingGroupId}") + $", depuis le {French.Date(from)}.");
        return await db.SaveAsync(referent, ct, conflict: AssociationStore.Busy("Les référents de ce groupe"));
    }
}
