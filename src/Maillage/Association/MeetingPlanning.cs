using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>The fields of a meeting, checked: a title, a place, a start and a later end; extraordinary only for an AG.</summary>
internal sealed record MeetingFields(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location, bool Extraordinary)
{
    public static Result<MeetingFields> Check(MeetingInput input, BodyKind kind, LocalClock clock)
    {
        var title = MeetingInputs.Text(input.Title, MeetingInputs.MaxTitle, "title", "Le titre");
        var location = MeetingInputs.Text(input.Location, MeetingInputs.MaxLocation, "location", "Le lieu");
        var starts = MeetingInputs.Instant(clock, input.StartsAt, "startsAt", "La date de début");
        var ends = MeetingInputs.Instant(clock, input.EndsAt, "endsAt", "La date de fin");
        var errors = title.Errors.Concat(location.Errors).Concat(starts.Errors).Concat(ends.Errors).ToList();
        if (starts.Succeeded && ends.Succeeded && ends.Value <= starts.Value)
        {
            errors.Add(new Error("end_before_start", "La fin doit venir après le début : choisissez une fin plus tardive.", "endsAt"));
        }

        if (input.Extraordinary && kind != BodyKind.GeneralAssembly)
        {
            errors.Add(new Error("extraordinary_ag_only", "Seule une assemblée générale peut être extraordinaire.", "extraordinary"));
        }

        return errors.Count > 0
            ? Result<MeetingFields>.Fail(errors)
            : Result<MeetingFields>.Ok(new MeetingFields(title.Value!, starts.Value, ends.Value, location.Value!, input.Extraordinary));
    }
}

/// <summary>Plans a meeting of the AG, the conseil or the bureau (Run), in preparation; the body is created with its default statutory
/// parameters when the CPTS has none yet.</summary>
public sealed class CreateMeeting(MaillageDbContext db, AssociationAccess access, AuditTrail audit)
{
    public async Task<Result<Meeting>> RunAsync(Guid cptsId, MeetingInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await access.RunAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Meeting>.Fail(found.Errors);
        }

        var clock = found.Value!.Tenant.Clock;

        var kind = MeetingLabels.Parse<BodyKind>(input.Body, "body", "Instance");
        if (!kind.Succeeded)
        {
            return Result<Meeting>.Fail(kind.Errors);
        }

        var fields = MeetingFields.Check(input, kind.Value, clock);
        if (!fields.Succeeded)
        {
            return Result<Meeting>.Fail(fields.Errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            var body = await DecisionRegister.BodyAsync(db, cptsId, kind.Value, ct);
            var f = fields.Value!;
            var meeting = new Meeting
            {
                Id = Guid.NewGuid(), CptsId = cptsId, BodyId = body.Id, Title = f.Title, StartsAt = f.StartsAt, EndsAt = f.EndsAt,
                Location = f.Location, Extraordinary = f.Extraordinary, Status = MeetingStatus.Draft,
            };
            db.Meetings().Add(meeting);
            audit.Record(actor, cptsId, "meeting.created",
                $"Réunion {meeting.Id} ({MeetingLabels.Label(kind.Value, f.Extraordinary)}) prévue le {French.Date(clock.DateOf(f.StartsAt))}.");
            // A unique key taken here is the body, created by a concurrent request: the second attempt uses it.
            var refused = await db.SaveOrConflictAsync(ct);
            if (refused is null || attempt >= 2)
            {
                return refused is null ? Result<Meeting>.Ok(meeting) : refused;
            }
        }
    }
}

/// <summary>
/// Edits the title, times, place or the extraordinary flag of a meeting in preparation or convened (Run); the body does not change.
/// After convocation the invitation's SEQUENCE goes up, and a new day must respect the notice from today (a new convocation).
/// </summary>
public sealed class EditMeeting(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, MeetingInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, scope =>
        {
            var meeting = scope.Meeting;
            if (scope.Requires("Modifier la réunion", MeetingStatus.Draft, MeetingStatus.Convened) is { } wrong)
            {
                return wrong;
            }

            if (!string.IsNullOrWhiteSpace(input.Body) && MeetingLabels.Parse<BodyKind>(input.Body, "body", "Instance") is var kind
                && (!kind.Succeeded || kind.Value != scope.Body.Kind))
            {
                return new Error("body_fixed", "L'instance d'une réunion ne change pas : annulez-la et créez-en une autre.", "body");
            }

            var fields = MeetingFields.Check(input, scope.Body.Kind, scope.Clock);
            if (!fields.Succeeded)
            {
                return Result<MeetingChange>.Fail(fields.Errors);
            }

            var f = fields.Value!;
            var newDay = scope.Clock.DateOf(f.StartsAt) != scope.Day;
            if (meeting.Status == MeetingStatus.Convened && newDay)
            {
                if (!ConveneRules.Respected(scope.Clock.DateOf(f.StartsAt), scope.Today, scope.Body.NoticeDays))
                {
                    return new Error("notice", ConveneRules.Refusal("Nouvelle date impossible", scope.Today, scope.Body.NoticeDays), "startsAt");
                }

                meeting.ConvenedAt = scope.Now;
            }

            scope.Touch();
            (meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.Location, meeting.Extraordinary) =
                (f.Title, f.StartsAt, f.EndsAt, f.Location, f.Extraordinary);
            return MeetingChange.Ok("meeting.edited", $"Réunion {meeting.Id} modifiée : le {French.Date(scope.Clock.DateOf(f.StartsAt))}"
                + (meeting.Status == MeetingStatus.Convened ? $", séquence {meeting.Sequence}." : "."));
        }, ct);
    }
}

/// <summary>
/// The agenda changes while the meeting is in preparation or convened (Run). After convocation only while the notice still holds
/// from today — the updated invitation (SEQUENCE + 1) then serves as the convocation of the new agenda; later, it is frozen.
/// </summary>
internal static class AgendaRules
{
    public static Error? Open(MeetingScope scope)
    {
        if (scope.Requires("Modifier l'ordre du jour", MeetingStatus.Draft, MeetingStatus.Convened) is { } wrong)
        {
            return wrong;
        }

        if (scope.Meeting.Status == MeetingStatus.Convened && !ConveneRules.Respected(scope.Day, scope.Today, scope.Body.NoticeDays))
        {
            return new Error("agenda_frozen", ConveneRules.Refusal("L'ordre du jour ne peut plus changer", scope.Today, scope.Body.NoticeDays),
                null, ErrorKind.Conflict);
        }

        scope.Touch();
        return null;
    }

    public static Result<(string Title, string? Details)> Check(AgendaItemInput input)
    {
        var title = MeetingInputs.Text(input.Title, MeetingInputs.MaxItemTitle, "title", "Le titre du point");
        var details = MeetingInputs.Optional(input.Details, MeetingInputs.MaxDetails, "details", "Le détail du point");
        return title.Succeeded && details.Succeeded
            ? Result<(string, string?)>.Ok((title.Value!, details.Value))
            : Result<(string, string?)>.Fail(title.Errors.Concat(details.Errors));
    }

    public static void Renumber(Meeting meeting, IEnumerable<AgendaItem> order)
    {
        var position = 1;
        foreach (var item in order.ToList())
        {
            item.Position = position++;
        }

        meeting.Agenda.Sort((a, b) => a.Position.CompareTo(b.Position));
    }
}

/// <summary>Adds an item at the end of the agenda.</summary>
public sealed class AddAgendaItem(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, AgendaItemInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, scope =>
        {
            var checkedInput = AgendaRules.Check(input);
            if (!checkedInput.Succeeded)
            {
                return Result<MeetingChange>.Fail(checkedInput.Errors);
            }

            if (AgendaRules.Open(scope) is { } closed)
            {
                return closed;
            }

            var item = new AgendaItem
            {
                Id = Guid.NewGuid(), MeetingId = scope.Meeting.Id, Title = checkedInput.Value.Title, Details = checkedInput.Value.Details,
                Position = scope.Meeting.Agenda.Select(a => a.Position).DefaultIfEmpty(0).Max() + 1,
            };
            changes.Db.AgendaItems().Add(item);
            return MeetingChange.Ok("meeting.agenda", $"Réunion {scope.Meeting.Id} : point {item.Id} ajouté à l'ordre du jour (n° {item.Position}).");
        }, ct);
    }
}

/// <summary>Edits an item of the agenda.</summary>
public sealed class EditAgendaItem(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, Guid itemId, AgendaItemInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, scope =>
        {
            var item = scope.Meeting.Agenda.FirstOrDefault(a => a.Id == itemId);
            if (item is null)
            {
                return Error.NotFound("Point de l'ordre du jour");
            }

            var checkedInput = AgendaRules.Check(input);
            if (!checkedInput.Succeeded)
            {
                return Result<MeetingChange>.Fail(checkedInput.Errors);
            }

            if (AgendaRules.Open(scope) is { } closed)
            {
                return closed;
            }

            (item.Title, item.Details) = checkedInput.Value;
            return MeetingChange.Ok("meeting.agenda", $"Réunion {scope.Meeting.Id} : point {item.Id} de l'ordre du jour modifié.");
        }, ct);
    }
}

/// <summary>Removes an item of the agenda; one a motion belongs to stays until the motion is removed.</summary>
public sealed class RemoveAgendaItem(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, Guid itemId, int? version, Actor actor, CancellationToken ct = default) =>
        changes.ApplyAsync(cptsId, meetingId, version, actor, scope =>
        {
            var item = scope.Meeting.Agenda.FirstOrDefault(a => a.Id == itemId);
            if (item is null)
            {
                return Error.NotFound("Point de l'ordre du jour");
            }

            if (scope.Meeting.Motions.Any(m => m.AgendaItemId == itemId))
            {
                return new Error("item_has_motions", "Une résolution porte sur ce point : retirez-la d'abord.", null, ErrorKind.Conflict);
            }

            if (AgendaRules.Open(scope) is { } closed)
            {
                return closed;
            }

            scope.Meeting.Agenda.Remove(item);
            changes.Db.AgendaItems().Remove(item);
            AgendaRules.Renumber(scope.Meeting, scope.Meeting.Agenda.OrderBy(a => a.Position));
            return MeetingChange.Ok("meeting.agenda", $"Réunion {scope.Meeting.Id} : point {item.Id} retiré de l'ordre du jour.");
        }, ct);
}

/// <summary>Puts the agenda in a new order: every item once.</summary>
public sealed class ReorderAgenda(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, AgendaOrderInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, scope =>
        {
            var order = input.Order ?? [];
            var items = scope.Meeting.Agenda;
            if (order.Count != items.Count || order.Distinct().Count() != order.Count || order.Any(id => items.All(a => a.Id != id)))
            {
                return new Error("invalid_order", "Le nouvel ordre cite chaque point de l'ordre du jour une fois, et eux seuls.", "order");
            }

            if (AgendaRules.Open(scope) is { } closed)
            {
                return closed;
            }

            AgendaRules.Renumber(scope.Meeting, order.Select(id => items.Single(a => a.Id == id)));
            return MeetingChange.Ok("meeting.agenda", $"Réunion {scope.Meeting.Id} : ordre du jour réordonné.");
        }, ct);
    }
}
