using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Territories.Published;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled.Sas;

/// <summary>
/// The SAS's slot search (INT_R01 and INT_R04), national: across every CPTS of the platform, the free slots (no live booking, not
/// withdrawn, to come) starting in the window, published to the SAS, of the active effectors with these RPPS; with their schedules (one
/// per effector and place), practitioners and, for CPTS slots in the CPTS flow, their CPTS. The individual flow leaves out slots whose only
/// SAS visibility is CPTS.
/// </summary>
public sealed class SearchSasSlots(MaillageDbContext db, SasAgendaAssembler assembler, TimeProvider clock)
{
    /// <summary>A bound on one answer: a window of slots for 25 professionals stays far below it (docs/sas.md).</summary>
    public const int MaxSlots = 5000;

    public async Task<Result<SasAgenda>> RunAsync(SasSlotQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<Error>();
        if (query.To < query.From)
        {
            errors.Add(new Error("window_reversed", "La borne « le » de start doit venir après la borne « ge ».", "start"));
        }

        if (query.Rpps.Count is 0 or > SasIds.MaxPractitioners)
        {
            errors.Add(new Error("practitioners_count", $"De 1 à {SasIds.MaxPractitioners} professionnels par recherche.", "schedule.actor:Practitioner.identifier"));
        }

        if (errors.Count > 0)
        {
            return Result<SasAgenda>.Fail(errors);
        }

        var rpps = query.Rpps.Distinct().ToList();
        var now = clock.GetUtcNow();
        // In UTC: PostgreSQL's timestamptz takes no other offset, and the SAS writes +02:00.
        var since = (query.From > now ? query.From : now).ToUniversalTime();
        var until = query.To.ToUniversalTime();
        var mask = (int)(query.CptsCase ? SasAudience.All : SasAudience.Individual);
        // The effectors first (a few rows by the RPPS index): their ids lead the slot query to the (effector, start) index of live slots,
        // and the same rows name the practitioners and their specialties — four SQL commands a search in all (docs/sas.md, « Speed »).
        var effectors = await db.Effectors().EveryCpts().AsNoTracking().Where(e => e.Active && rpps.Contains(e.Rpps)).ToListAsync(ct);
        if (effectors.Count == 0)
        {
            return Result<SasAgenda>.Ok(SasAgenda.Empty);
        }

        var ids = effectors.Select(e => e.Id).ToList();
        var slots = await db.Slots().EveryCpts().AsNoTracking()
            .Where(s => ids.Contains(s.EffectorId) && s.WithdrawnAt == null && s.Start >= since && s.Start <= until && ((int)s.Audience & mask) != 0
                        && !db.Bookings().EveryCpts().Any(b => b.SlotId == s.Id && b.CancelledAt == null))
            .OrderBy(s => s.Start).Take(MaxSlots).ToListAsync(ct);
        return Result<SasAgenda>.Ok(await assembler.AssembleAsync(slots, query.CptsCase, ct, effectors));
    }
}

/// <summary>
/// The SAS's reads (docs/sas.md): a slot while it is free and to come, a schedule, the schedules of a practitioner, a practitioner by its
/// IDNPS and the list of every enrolled professional — national, like the search.
/// </summary>
public sealed class ReadSasAgenda(MaillageDbContext db, SasAgendaAssembler assembler, TimeProvider clock)
{
    public const int MaxPage = 200;

    /// <summary>The slot with what it refers to, or not found when it is not (or no longer) offered to the SAS.</summary>
    public async Task<Result<SasAgenda>> SlotAsync(Guid slotId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var mask = (int)SasAudience.All;
        var slot = await (from s in db.Slots().EveryCpts().AsNoTracking()
                          join e in db.Effectors().EveryCpts().AsNoTracking() on s.EffectorId equals e.Id
                          where s.Id == slotId && e.Active && s.WithdrawnAt == null && s.Start >= now && ((int)s.Audience & mask) != 0
                                && !db.Bookings().EveryCpts().Any(b => b.SlotId == s.Id && b.CancelledAt == null)
                          select s).FirstOrDefaultAsync(ct);
        return slot is null ? Error.NotFound("Créneau") : Result<SasAgenda>.Ok(await assembler.AssembleAsync([slot], cptsCase: true, ct));
    }

    /// <summary>The schedules (effector × place) ever published to the SAS: of one schedule id, or of the practitioner with this RPPS.</summary>
    public async Task<SasAgenda> SchedulesAsync(string? scheduleId, string? rpps, CancellationToken ct = default)
    {
        var mask = (int)SasAudience.All;
        var pairs = from s in db.Slots().EveryCpts().AsNoTracking()
                    join e in db.Effectors().EveryCpts().AsNoTracking() on s.EffectorId equals e.Id
                    where e.Active && ((int)s.Audience & mask) != 0
                    select new { s.EffectorId, s.PlaceId, e.Rpps };
        if (scheduleId is not null)
        {
            if (!SasIds.TryParseScheduleId(scheduleId, out var effectorId, out var placeId))
            {
                return SasAgenda.Empty;
            }

            pairs = pairs.Where(p => p.EffectorId == effectorId && p.PlaceId == placeId);
        }

        if (rpps is not null)
        {
            pairs = pairs.Where(p => p.Rpps == rpps);
        }

        var found = await pairs.Distinct().Take(MaxPage).ToListAsync(ct);
        return await assembler.DescribeAsync([.. found.Select(p => (p.EffectorId, p.PlaceId))], ct);
    }

    /// <summary>Active effectors, one per RPPS, ordered by RPPS: those with these RPPS, or a page of all of them, and how many there are.</summary>
    public async Task<(IReadOnlyList<SasPractitioner> Page, int Total)> PractitionersAsync(IReadOnlyList<string>? rpps, int offset, int count,
        CancellationToken ct = default)
    {
        var effectors = db.Effectors().EveryCpts().AsNoTracking().Where(e => e.Active);
        if (rpps is not null)
        {
            effectors = effectors.Where(e => rpps.Contains(e.Rpps));
        }

        var all = effectors.Select(e => e.Rpps).Distinct();
        var total = await all.CountAsync(ct);
        var page = await all.OrderBy(r => r).Skip(Math.Max(0, offset)).Take(Math.Clamp(count, 0, MaxPage)).ToListAsync(ct);
        return (await assembler.PractitionersAsync(page, ct), total);
    }
}

/// <summary>Turns slots (or effector × place pairs) into a <see cref="SasAgenda"/>: schedules, practitioners and CPTS, each once.</summary>
public sealed class SasAgendaAssembler(MaillageDbContext db, CptsLookup registry, GeoCatalog geo)
{
    /// <summary>The agenda of these slots; <paramref name="known"/>, when given, are every active effector of the RPPS the slots may be of
    /// (the search read them already): neither the effectors nor the practitioners are read again.</summary>
    public async Task<SasAgenda> AssembleAsync(IReadOnlyList<Slot> slots, bool cptsCase, CancellationToken ct, IReadOnlyList<Effector>? known = null)
    {
        ArgumentNullException.ThrowIfNull(slots);
        // The effectors DescribeAsync reads are those of the slots: their specialties come from the same rows, not from a second query.
        var (described, effectors) = await DescribeWithEffectorsAsync([.. slots.Select(s => (s.EffectorId, s.PlaceId))], ct, known);
        var specialties = effectors.ToDictionary(e => e.Key, e => e.Value.SpecialtyCode);
        var all = slots.Count == 0 ? new Dictionary<Guid, CptsInfo>() : await registry.DescribeAsync(slots.Select(s => s.CptsId), ct);
        var inCpts = cptsCase ? slots.Where(s => s.Audience.HasFlag(SlotAudience.SasCpts)).Select(s => s.CptsId).ToHashSet() : [];
        var cpts = all.Values.Where(c => inCpts.Contains(c.Id)).ToDictionary(c => c.Id);
        var result = slots.Select(s => new SasSlot(s.Id, s.CptsId, SasIds.ScheduleId(s.EffectorId, s.PlaceId), s.Start, s.End, s.Kind, s.Audience,
            specialties.GetValueOrDefault(s.EffectorId), cpts.ContainsKey(s.CptsId) ? s.CptsId : null,
            all.TryGetValue(s.CptsId, out var info) ? info.TimeZone : Maillage.Territories.Published.TimeZones.Of([]))).ToList();
        return described with
        {
            Slots = result,
            Cpts = [.. cpts.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new SasCpts(c.Id, c.Name, c.Siret, SasIds.Phone(c.ContactPhone), c.Finess))],
        };
    }

    /// <summary>The schedules of these effector × place pairs and their practitioners (no slot, no CPTS).</summary>
    public async Task<SasAgenda> DescribeAsync(IReadOnlyList<(Guid EffectorId, Guid PlaceId)> pairs, CancellationToken ct) =>
        (await DescribeWithEffectorsAsync(pairs, ct)).Agenda;

    private async Task<(SasAgenda Agenda, Dictionary<Guid, Effector> Effectors)> DescribeWithEffectorsAsync(IReadOnlyList<(Guid EffectorId, Guid PlaceId)> pairs,
        CancellationToken ct, IReadOnlyList<Effector>? known = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var distinct = pairs.Distinct().ToList();
        var effectorIds = distinct.Select(p => p.EffectorId).Distinct().ToList();
        var placeIds = distinct.Select(p => p.PlaceId).Distinct().ToList();
        if (distinct.Count == 0)
        {
            return (SasAgenda.Empty, []);
        }

        var effectors = known is not null ? known.Where(e => effectorIds.Contains(e.Id)).ToDictionary(e => e.Id)
            : await db.Effectors().EveryCpts().AsNoTracking().Where(e => effectorIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var places = await db.SnpPlaces().EveryCpts().AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var schedules = distinct.Where(p => effectors.ContainsKey(p.EffectorId) && places.ContainsKey(p.PlaceId)).Select(p =>
        {
            var (effector, place) = (effectors[p.EffectorId], places[p.PlaceId]);
            var commune = geo.Find(place.CommuneCode);
            return new SasSchedule(effector.Id, place.Id, place.CptsId, effector.Rpps, place.Name, place.Address, place.CommuneCode,
                commune?.Name ?? place.CommuneCode, commune is { PostalCodes.Count: > 0 } ? commune.PostalCodes[0] : null, SasIds.Phone(place.Phone));
        }).OrderBy(s => s.Rpps, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var rpps = schedules.Select(s => s.Rpps).ToHashSet(StringComparer.Ordinal);
        var practitioners = known is not null ? Practitioners(known.Where(e => e.Active && rpps.Contains(e.Rpps)))
            : await PractitionersAsync([.. rpps], ct);
        return (new SasAgenda([], schedules, practitioners, []), effectors);
    }

    /// <summary>One practitioner per RPPS, named as its earliest enrolment names it.</summary>
    public async Task<IReadOnlyList<SasPractitioner>> PractitionersAsync(IReadOnlyList<string> rpps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rpps);
        return Practitioners(await db.Effectors().EveryCpts().AsNoTracking().Where(e => e.Active && rpps.Contains(e.Rpps)).ToListAsync(ct));
    }

    private static List<SasPractitioner> Practitioners(IEnumerable<Effector> activeEffectors) =>
        [.. activeEffectors.GroupBy(e => e.Rpps).Select(g => g.OrderBy(e => e.EnrolledAt).First())
            .Select(e => new SasPractitioner(e.Rpps, e.FamilyName, e.GivenName, e.SpecialtyCode)).OrderBy(p => p.Rpps, StringComparer.Ordinal)];
}
