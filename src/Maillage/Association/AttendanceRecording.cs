using System.Globalization;
using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>
/// Records who attends (Run), from the convocation until the first vote: each voter present, represented, excused or absent. A
/// represented voter names the present voter holding its proxy — another voter, marked present, holding at most the body's
/// <see cref="Body.MaxProxiesPerHolder"/> proxies. Members who do not vote in this meeting are refused. Attendance is frozen once a
/// vote is recorded, so the counts of every vote stay within the voters present or represented.
/// </summary>
public sealed class RecordAttendance(MeetingChanges changes, MeetingVoters meetingVoters)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, AttendanceInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, async scope =>
        {
            var meeting = scope.Meeting;
            if (scope.Requires("Enregistrer les présences", MeetingStatus.Convened, MeetingStatus.Held) is { } wrong)
            {
                return wrong;
            }

            if (meeting.Motions.Any(m => m.Result is not null))
            {
                return new Error("attendance_frozen", "Un vote est déjà enregistré : les présences ne changent plus.", null, ErrorKind.Conflict);
            }

            var entries = input.Entries ?? [];
            if (entries.Count == 0)
            {
                return new Error("no_entries", "Indiquez la présence d'au moins un votant.", "entries");
            }

            var voters = (await meetingVoters.IdsAsync(meeting, scope.Body, scope.Day, ct)).ToHashSet();
            var errors = new List<Error>();
            var parsed = new List<(Guid Member, Presence Presence, Guid? Holder)>();
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var field = $"entries[{i.ToString(CultureInfo.InvariantCulture)}]";
                var presence = MeetingLabels.Parse<Presence>(entry.Presence, field + ".presence", "Présence");
                if (!presence.Succeeded)
                {
                    errors.AddRange(presence.Errors);
                    continue;
                }

                if (!voters.Contains(entry.MemberId))
                {
                    errors.Add(new Error("not_a_voter", $"L'adhérent {entry.MemberId} ne vote pas dans cette réunion.", field + ".memberId"));
                }
                else if (entries.Take(i).Any(e => e.MemberId == entry.MemberId))
                {
                    errors.Add(new Error("duplicate_voter", $"L'adhérent {entry.MemberId} figure deux fois.", field + ".memberId"));
                }
                else if (presence.Value == Presence.Represented && entry.ProxyHolderId is null)
                {
                    errors.Add(new Error("proxy_holder_required", "Un votant représenté désigne le votant présent qui détient son pouvoir.", field + ".proxyHolderId"));
                }
                else
                {
                    parsed.Add((entry.MemberId, presence.Value, presence.Value == Presence.Represented ? entry.ProxyHolderId : null));
                }
            }

            if (errors.Count > 0)
            {
                return Result<MeetingChange>.Fail(errors);
            }

            foreach (var (member, presence, holder) in parsed)
            {
                var row = meeting.Attendances.FirstOrDefault(a => a.MemberId == member);
                if (row is null)
                {
                    row = new Attendance { Id = Guid.NewGuid(), MeetingId = meeting.Id, MemberId = member };
                    meeting.Attendances.Add(row);
                    changes.Db.Attendances().Add(row);
                }

                (row.Presence, row.ProxyHolderId) = (presence, holder);
            }

            if (Proxies(meeting, voters, scope.Body.MaxProxiesPerHolder) is { Count: > 0 } refused)
            {
                return Result<MeetingChange>.Fail(refused);
            }

            var quorum = MeetingVoters.Quorum(meeting, scope.Body, voters);
            return MeetingChange.Ok("meeting.attendance",
                $"Réunion {meeting.Id} : présences de {French.Count(parsed.Count, "votant", "votants")} enregistrées ; {quorum.Text}.");
        }, ct);
    }

    /// <summary>Every proxy once the attendance is merged: held by another voter, present, within the limit.</summary>
    private static List<Error> Proxies(Meeting meeting, HashSet<Guid> voters, int max)
    {
        var errors = new List<Error>();
        var present = meeting.Attendances.Where(a => a.Presence == Presence.Present && voters.Contains(a.MemberId)).Select(a => a.MemberId).ToHashSet();
        foreach (var given in meeting.Attendances.Where(a => a.Presence == Presence.Represented && voters.Contains(a.MemberId)))
        {
            if (given.ProxyHolderId == given.MemberId)
            {
                errors.Add(new Error("proxy_to_self", $"L'adhérent {given.MemberId} ne peut pas détenir son propre pouvoir.", "proxyHolderId"));
            }
            else if (given.ProxyHolderId is not { } holder || !present.Contains(holder))
            {
                errors.Add(new Error("proxy_holder_absent",
                    $"Le pouvoir de l'adhérent {given.MemberId} va à un votant marqué présent à la réunion.", "proxyHolderId"));
            }
        }

        foreach (var holder in meeting.Attendances.Where(a => a.Presence == Presence.Represented && voters.Contains(a.MemberId))
            .GroupBy(a => a.ProxyHolderId).Where(g => g.Count() > max))
        {
            errors.Add(new Error("too_many_proxies", max == 0
                ? "Les statuts de cette instance n'admettent pas de pouvoir."
                : $"Un votant présent détient au plus {French.Count(max, "pouvoir", "pouvoirs")} : l'adhérent {holder.Key} en aurait {holder.Count()}.",
                "proxyHolderId", ErrorKind.Validation));
        }

        return errors;
    }
}
