using Maillage.Membership.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor;

/// <summary>A filing's outcome: the request it made, or the one it was merged into as a duplicate.</summary>
public sealed record FiledRequest(TreatingRequest Request, bool Merged);

/// <summary>
/// A request for a treating doctor is filed: by a member's account for a patient (channel Member), by the CPTS team (Team: straight into the
/// queue), or by the patient on the public form (PublicForm). The same person already open at the desk (same NIR, or same names and birth
/// date) is not filed twice: the filing is merged into the open request (<see cref="RequestMerge"/>).
/// </summary>
public sealed class FileRequest(MaillageDbContext db, TreatingAccess access, GeoCatalog geo, AuditTrail audit, TimeProvider clock, MemberRoll roll)
{
    /// <summary>Who files from the public form, in the audit.</summary>
    public static Actor PublicForm { get; } = new("public-form", "formulaire public", Role.Member, null, null, null);

    public async Task<Result<FiledRequest>> RunAsync(Guid cptsId, RequestInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Files, ct);
        if (!scope.Succeeded)
        {
            return Result<FiledRequest>.Fail(scope.Errors);
        }

        var s = scope.Value!;
        var channel = s.Manages ? RequestChannel.Team : RequestChannel.Member;
        // The coordinator reads who filed by the adhérent's name (« Marie Le Goff »), not by an account's e-mail address.
        var byName = actor.MemberId is { } memberId && (await roll.ByIdsAsync(cptsId, [memberId], ct)).TryGetValue(memberId, out var member)
            ? member.Name : actor.Name;
        return await FileAsync(s, input, channel, actor.UserId, byName, actor, ct);
    }

    /// <summary>The patient's own filing (no account; the form's anti-abuse checks are the web edge's).</summary>
    public async Task<Result<FiledRequest>> PublicAsync(Guid cptsId, RequestInput input, CancellationToken ct = default)
    {
        var scope = await access.ForPublicAsync(cptsId, ct);
        return scope.Succeeded
            ? await FileAsync(scope.Value!, input, RequestChannel.PublicForm, null, "Formulaire public", PublicForm, ct)
            : Result<FiledRequest>.Fail(scope.Errors);
    }

    private async Task<Result<FiledRequest>> FileAsync(TreatingScope scope, RequestInput input, RequestChannel channel, string? byId, string byName, Actor actor,
        CancellationToken ct)
    {
        var check = RequestRules.Check(input, scope.Today, geo);
        if (!check.Succeeded)
        {
            return Result<FiledRequest>.Fail(check.Errors);
        }

        var c = check.Value!;
        var now = clock.GetUtcNow();
        var existing = await RequestMerge.FindOpenAsync(db, scope.CptsId, c, ct);
        if (existing is not null)
        {
            RequestMerge.Add(existing, c, channel, byName, now);
            audit.Record(actor, scope.CptsId, "treating.request-merged", $"Demande reçue ({RequestMerge.ChannelName(channel)}) fusionnée dans la demande {existing.Id}.");
            return await db.SaveAsync(new FiledRequest(existing, true), ct);
        }

        var request = RequestMerge.New(scope.CptsId, c, channel, byId, byName, now,
            channel == RequestChannel.Team ? RequestStatus.Waiting : RequestStatus.New);
        db.TreatingRequests().Add(request);
        audit.Record(actor, scope.CptsId, "treating.request-filed", $"Demande {request.Id} ({RequestMerge.ChannelName(channel)}).");
        return await db.SaveAsync(new FiledRequest(request, false), ct);
    }
}

/// <summary>Making a request, and merging a second filing of the same person into the first without losing anything.</summary>
public static class RequestMerge
{
    public static string ChannelName(RequestChannel channel) => channel switch
    {
        RequestChannel.Member => "member",
        RequestChannel.Import => "import",
        RequestChannel.PublicForm => "public-form",
        _ => "team",
    };

    public static TreatingRequest New(Guid cptsId, CheckedRequest c, RequestChannel channel, string? byId, string byName, DateTimeOffset now, RequestStatus status)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new TreatingRequest
        {
            Id = Guid.NewGuid(), CptsId = cptsId, Channel = channel, Channels = ChannelName(channel), FiledAt = now, FiledById = byId,
            FiledBy = Cut(byName, 300), FamilyName = c.FamilyName, GivenName = c.GivenName, BirthDate = c.BirthDate, CommuneCode = c.CommuneCode,
            Phone = c.Phone, Email = c.Email, Nir = c.Nir, Criteria = c.Criteria, HomeVisit = c.HomeVisit, ConsentAt = now,
            ConsentVersion = TreatingConsent.Version, Notes = c.Notes, Status = status, StatusAt = now,
        };
    }

    /// <summary>The open request of the same person at this CPTS, if any (tracked, to be merged into).</summary>
    public static async Task<TreatingRequest?> FindOpenAsync(MaillageDbContext db, Guid cptsId, CheckedRequest c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var candidates = await db.TreatingRequests()
            .Where(r => r.CptsId == cptsId && r.MergedIntoId == null && r.AnonymisedAt == null
                && r.Status != RequestStatus.Closed && r.Status != RequestStatus.Withdrawn
                && (r.BirthDate == c.BirthDate || (c.Nir != null && r.Nir == c.Nir)))
            .ToListAsync(ct);
        return candidates.Where(r => RequestRules.SamePerson(r, c)).OrderBy(r => r.FiledAt).FirstOrDefault();
    }

    /// <summary>
    /// A second filing of the same person: its channel is added, criteria and home visit joined, what the first lacked (phone, e-mail, NIR)
    /// taken, its notes kept under a dated line. The first filing's date and identity stay.
    /// </summary>
    public static void Add(TreatingRequest into, CheckedRequest c, RequestChannel channel, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(c);
        var channels = into.Channels.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!channels.Contains(ChannelName(channel)))
        {
            channels.Add(ChannelName(channel));
        }

        into.Channels = string.Join(',', channels);
        into.Criteria |= c.Criteria;
        into.HomeVisit |= c.HomeVisit;
        into.Phone ??= c.Phone;
        into.Email ??= c.Email;
        into.Nir ??= c.Nir;
        var line = $"[{Maillage.Platform.French.Date(DateOnly.FromDateTime(at.UtcDateTime))}] Doublon reçu ({byName})"
            + (c.Phone is not null && c.Phone != into.Phone ? $", autre téléphone : {c.Phone}" : "")
            + (c.Email is not null && c.Email != into.Email ? $", autre e-mail : {c.Email}" : "")
            + (c.Notes is null ? "." : $" : {c.Notes}");
        into.Notes = Cut(into.Notes is null ? line : $"{into.Notes}\n{line}", 8000);
    }

    /// <summary>Merges a whole request into another (the coordinator found two filings of one person): the same joining as a filing.</summary>
    public static void Absorb(TreatingRequest into, TreatingRequest duplicate, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(duplicate);
        var c = new CheckedRequest(duplicate.FamilyName, duplicate.GivenName, duplicate.BirthDate, duplicate.CommuneCode, duplicate.Phone, duplicate.Email,
            duplicate.Nir, duplicate.Criteria, duplicate.HomeVisit, duplicate.Notes);
        foreach (var name in duplicate.Channels.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!into.Channels.Split(',').Contains(name))
            {
                into.Channels = $"{into.Channels},{name}";
            }
        }

        Add(into, c, duplicate.Channel, duplicate.FiledBy, at);
        if (duplicate.FiledAt < into.FiledAt)
        {
            into.FiledAt = duplicate.FiledAt;
        }

        duplicate.MergedIntoId = into.Id;
        duplicate.StatusAt = at;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
