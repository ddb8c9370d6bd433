using System.Globalization;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Indemnities.Storage;
using Maillage.Membership.Published;

namespace Maillage.Indemnities;

/// <summary>Time spent on a mission; <see cref="MemberId"/> only when declaring for someone else.</summary>
public sealed record DeclarationInput(DateOnly? MissionDate, string? Activity, decimal? Hours, string? Description, Guid? MemberId = null);

/// <summary>
/// A member declares the time spent on a mission of the CPTS (domain-rules §5), for itself when its account is linked to its adhérent;
/// the coordinator, an admin or a bureau member (<c>Run</c>) may declare for any person member. The declaration awaits validation.
/// </summary>
public sealed class DeclareTime(MaillageDbContext db, AuditTrail audit, TimeProvider clock, IndemnityAccess access, MemberRoll roll)
{
    public const int MaxDescription = 500;

    public async Task<Result<TimeDeclaration>> RunAsync(Guid cptsId, DeclarationInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<TimeDeclaration>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var memberId = input.MemberId ?? scope.Rights.MemberId;
        if (memberId is not { } id)
        {
            return scope.Rights.Run
                ? new Error("member_required", "Choisissez l'adhérent pour qui vous déclarez ce temps.", "memberId")
                : Error.Forbidden();
        }

        if (!scope.Rights.ActsFor(id) && !scope.Rights.Run)
        {
            return Error.Forbidden();
        }

        var member = input.MissionDate is { } day ? await roll.OnAsync(cptsId, id, day, ct) : await roll.OnAsync(cptsId, id, scope.Today, ct);
        if (member is null)
        {
            return Error.NotFound("Adhérent");
        }

        var errors = Check(input, member.Value, scope.Today, out var activity);
        if (errors.Count > 0)
        {
            return Result<TimeDeclaration>.Fail(errors);
        }

        var date = input.MissionDate!.Value;
        var sameDay = await db.TimeDeclarations().Where(d => d.MemberId == id && d.MissionDate == date && d.Status != DeclarationStatus.Rejected)
            .Select(d => d.Hours).ToListAsync(ct);
        if (sameDay.Sum() + input.Hours!.Value > IndemnityRules.MaxHours)
        {
            return new Error("day_full",
                $"Le {French.Date(date)} compte déjà {Hours(sameDay.Sum())} h déclarées : une journée ne dépasse pas 24 heures.", "hours");
        }

        var declaration = new TimeDeclaration
        {
            Id = Guid.NewGuid(), CptsId = cptsId, MemberId = id, MissionDate = date, Activity = activity, Hours = input.Hours.Value,
            Description = input.Description!.Trim(), Status = DeclarationStatus.Declared, DeclaredBy = actor.Name, DeclaredAt = clock.GetUtcNow(),
        };
        db.TimeDeclarations().Add(declaration);
        audit.Record(actor, cptsId, "indemnity.declared",
            $"Déclaration {declaration.Id} : adhérent {id}, {Hours(declaration.Hours)} h « {activity.French()} » le {French.Date(date)}"
            + (scope.Rights.ActsFor(id) ? "." : ", déclarée pour l'adhérent."));
        await db.SaveChangesAsync(ct);
        return Result<TimeDeclaration>.Ok(declaration);
    }

    /// <summary>Hours the French way: 2,5 ; 0,25.</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", French.Culture);

    private static List<Error> Check(DeclarationInput input, (MemberRef Member, MembershipStatus? StatusThen) member, DateOnly today, out Activity activity)
    {
        var errors = new List<Error>();
        activity = default;
        if (!member.Member.IsProfessional)
        {
            errors.Add(new Error("not_a_person", "Seul un professionnel adhérent (une personne) déclare du temps, pas une structure.", "memberId"));
        }

        if (IndemnityRules.CheckMissionDate(input.MissionDate, today) is { } dateError)
        {
            errors.Add(dateError);
        }
        else if (member.StatusThen is not (MembershipStatus.Member or MembershipStatus.Active))
        {
            errors.Add(new Error("not_a_member", $"Cette personne n'était pas adhérente le {French.Date(input.MissionDate!.Value)}.", "missionDate"));
        }

        var parsed = IndemnityLabels.ParseActivity(input.Activity);
        if (parsed.Succeeded)
        {
            activity = parsed.Value;
        }
        else
        {
            errors.AddRange(parsed.Errors);
        }

        if (IndemnityRules.CheckHours(input.Hours) is { } hoursError)
        {
            errors.Add(hoursError);
        }

        var description = input.Description?.Trim() ?? "";
        if (description.Length is 0 or > MaxDescription)
        {
            errors.Add(new Error("invalid_description",
                $"Décrivez la mission (réunion, action, formation…) en {MaxDescription.ToString(CultureInfo.InvariantCulture)} caractères au plus.", "description"));
        }

        return errors;
    }
}
