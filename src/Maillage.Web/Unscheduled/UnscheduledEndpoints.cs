using Maillage.Platform.Errors;
using Maillage.Unscheduled;
using Maillage.Web.Platform;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// Unscheduled care of a CPTS (<c>/api/cpts/{id}/snp</c>, issue 12, docs/unscheduled.md): the coordinator's places, effectors and registrars;
/// an effector's slots and weekly patterns; registrars' search and bookings; outcomes. A slot someone else just booked answers 409 with the
/// French message and the next free slots (<c>nextSlots</c>).
/// </summary>
public static class UnscheduledEndpoints
{
    public sealed record PlaceRequest(string? Name, string? Kind, string? Address, string? CommuneCode, string? Phone, int? Version);

    public sealed record EnrolRequest(Guid? MemberId, string? Origin);

    public sealed record SlotRequest(Guid? EffectorId, Guid? PlaceId, DateOnly? Day, string? StartTime, int? Minutes, string? Kind, IReadOnlyList<string?>? Audience);

    public sealed record PatternRequest(Guid? EffectorId, Guid? PlaceId, IReadOnlyList<int>? Weekdays, string? StartTime, string? EndTime, int? SlotMinutes,
        string? Kind, IReadOnlyList<string?>? Audience, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<AbsenceInput>? Absences, int? Version);

    public sealed record BookingRequest(string? FamilyName, string? GivenName, DateOnly? BirthDate, string? Phone, string? Email, string? Nir, string? Reason,
        string? Origin)
    {
        public override string ToString() => "booking request";
    }

    public sealed record CancelRequest(string? Reason, int? Version);

    public sealed record RescheduleRequest(Guid? SlotId, int? Version);

    public sealed record OutcomeRequest(string? Outcome, string? RedirectedTo, int? Version);

    public sealed record PlaceDto(Guid Id, string Name, string Kind, string KindLabel, string Address, string CommuneCode, string? Phone, bool Active, int Version);

    public sealed record EffectorDto(Guid Id, Guid MemberId, string Name, string Rpps, string ProfessionCode, bool Active);

    public sealed record RegistrarDto(Guid Id, Guid MemberId, string Origin, string OriginLabel, bool Active);

    public sealed record FreeSlotDto(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, string LocalStart, string Kind, string KindLabel, Guid EffectorId,
        string EffectorName, string ProfessionCode, Guid PlaceId, string PlaceName, string PlaceAddress, string CommuneCode, string CommuneName, string Proximity);

    public sealed record SlotDto(Guid Id, Guid EffectorId, Guid PlaceId, DateTimeOffset Start, DateTimeOffset End, string Kind, IReadOnlyList<string> Audience,
        Guid? PatternId, int Version);

    public sealed record AbsenceDto(DateOnly From, DateOnly To, string Reason);

    public sealed record PatternDto(Guid Id, Guid EffectorId, Guid PlaceId, IReadOnlyList<int> Weekdays, string StartTime, string EndTime, int SlotMinutes,
        string Kind, IReadOnlyList<string> Audience, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<AbsenceDto> Absences, int Version);

    public sealed record PatternSavedDto(PatternDto Pattern, int Opened, int Withdrawn);

    public sealed record PatientDto(string FamilyName, string GivenName, DateOnly BirthDate, string Phone, string? Email, string? Nir)
    {
        public override string ToString() => "patient";
    }

    public sealed record BookingDto(Guid Id, Guid SlotId, DateTimeOffset Start, DateTimeOffset End, string LocalStart, string EffectorName, string PlaceName,
        string PlaceAddress, string Kind, PatientDto Patient, string Reason, string ReasonLabel, string Origin, string BookedBy, DateTimeOffset BookedAt,
        Guid? RescheduledFromId, DateTimeOffset? CancelledAt, string? CancelReason, string? Outcome, string? RedirectedTo, int Version)
    {
        public override string ToString() => $"booking {Id}";
    }

    public static void MapUnscheduledApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cpts/{id:guid}/snp").RequireAuthorization().WithTags("Unscheduled");
        group.MapGet("/places", Places).WithName("SnpPlaces").WithSummary("Places of consultation; coordinator")
            .Produces<IReadOnlyList<PlaceDto>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/places", AddPlace).WithName("AddSnpPlace")
            .WithSummary("Adds a place of consultation (name, kind practice|msp|snp-centre, address, communeCode, phone); coordinator or effector")
            .Produces<PlaceDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/places/{placeId:guid}", EditPlace).WithName("EditSnpPlace").WithSummary("Changes a place (version for concurrency)")
            .Produces<PlaceDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/effectors", EnrolEffector).WithName("EnrolSnpEffector")
            .WithSummary("Enrols a professional adhérent (memberId) as an effector; coordinator")
            .Produces<EffectorDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/registrars", EnrolRegistrar).WithName("EnrolSnpRegistrar")
            .WithSummary("Enrols an adhérent (memberId) as a registrar with its default origin (pharmacy|nurse|platform|sas|emergency-department); coordinator")
            .Produces<RegistrarDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/slots", Search).WithName("SearchSnpSlots")
            .WithSummary("Free slots offered to registrars (from, to: default the next 48 h; near: INSEE commune or SIREN EPCI; profession TRE_G15; kind "
                + "AMB|HH|VR), by start, nearest first when near is given; registrars, coordinator, effectors")
            .Produces<IReadOnlyList<FreeSlotDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/slots", Open).WithName("OpenSnpSlot")
            .WithSummary("Opens one slot (effectorId for the coordinator, placeId, day, startTime at the CPTS's hour, minutes, kind, audience); effector or coordinator")
            .Produces<SlotDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/slots/{slotId:guid}", Withdraw).WithName("WithdrawSnpSlot").WithSummary("Withdraws a free slot to come; effector or coordinator")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/slots/{slotId:guid}/bookings", Book).WithName("BookSnpSlot")
            .WithSummary("Books a free slot for a patient (familyName, givenName, birthDate, phone, email?, nir?, reason, origin?); 409 with nextSlots when "
                + "someone else just booked it; registrars and coordinator")
            .Produces<BookingDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/bookings", Bookings).WithName("SnpBookings")
            .WithSummary("Bookings the caller may read (coordinator: all; effector: its slots'; registrar: those it made) since a date (default 30 days ago); audited")
            .Produces<IReadOnlyList<BookingDto>>().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/bookings/{bookingId:guid}", Booking).WithName("SnpBooking")
            .WithSummary("One booking with the patient; the registrar who booked it, the effector of its slot, the coordinator; every read audited (snp.booking-read)")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/bookings/{bookingId:guid}/cancel", Cancel).WithName("CancelSnpBooking").WithSummary("Cancels a booking (reason, version)")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/bookings/{bookingId:guid}/reschedule", Reschedule).WithName("RescheduleSnpBooking")
            .WithSummary("Moves a booking to another free slot (slotId, version): the old slot is freed only if the new one is won")
            .Produces<BookingDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/bookings/{bookingId:guid}/outcome", Outcome).WithName("RecordSnpOutcome")
            .WithSummary("After the slot: seen | no-show | redirected (redirectedTo); effector of the slot or coordinator")
            .Produces<BookingDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/patterns", Patterns).WithName("SnpPatterns").WithSummary("An effector's weekly patterns (effectorId for the coordinator)")
            .Produces<IReadOnlyList<PatternDto>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/patterns", AddPattern).WithName("AddSnpPattern")
            .WithSummary("Adds a weekly pattern (weekdays 1 = Monday … 7, startTime, endTime, slotMinutes, placeId, kind, audience, validFrom, validTo, absences): "
                + "its slots are opened 28 days ahead")
            .Produces<PatternSavedDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/patterns/{patternId:guid}", EditPattern).WithName("EditSnpPattern")
            .WithSummary("Changes a pattern; 409 naming each booked slot that would no longer fit")
            .Produces<PatternSavedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/statistics", Statistics).WithName("SnpStatistics")
            .WithSummary("Unscheduled-care statistics over local days from..to (yyyy-MM-dd, both included, a year at most): totals, by ISO week, effector, "
                + "commune, origin, and the SAS supplement per effector and week; rates are fractions (0.25 = 25 %); coordinator and steering officers: all, "
                + "an effector: its own")
            .Produces<Maillage.Unscheduled.Statistics.SnpStatistics>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/statistics/export", ExportStatistics).WithName("ExportSnpStatistics")
            .WithSummary("The same statistics as a file: format=csv (« ; », UTF-8 with BOM) or xlsx (one sheet per table); same rights and period")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/patterns/{patternId:guid}", DeletePattern).WithName("DeleteSnpPattern")
            .WithSummary("Deletes a pattern and withdraws its free slots to come; 409 naming the booked ones")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static string[] AudienceWords(SlotAudience a) =>
    [
        .. new[] { (SlotAudience.Registrars, "registrars"), (SlotAudience.SasSnp, "sas-snp"), (SlotAudience.SasCpts, "sas-cpts"), (SlotAudience.SasPro, "sas-pro"),
            (SlotAudience.SasPublic, "sas-public") }.Where(x => a.HasFlag(x.Item1)).Select(x => x.Item2),
    ];

    private static string Word(BookingOrigin o) => o switch
    {
        BookingOrigin.Pharmacy => "pharmacy",
        BookingOrigin.Nurse => "nurse",
        BookingOrigin.Sas => "sas",
        BookingOrigin.EmergencyDepartment => "emergency-department",
        _ => "platform",
    };

    private static string Word(BookingOutcome o) => o switch
    {
        BookingOutcome.NoShow => "no-show",
        BookingOutcome.Redirected => "redirected",
        _ => "seen",
    };

    private static string Word(PlaceKind k) => k switch
    {
        PlaceKind.Msp => "msp",
        PlaceKind.SnpCentre => "snp-centre",
        _ => "practice",
    };

    private static string Word(Proximity p) => p switch
    {
        Proximity.SameCommune => "same-commune",
        Proximity.SameEpci => "same-epci",
        Proximity.SameDepartement => "same-departement",
        _ => "further",
    };

    public static PlaceDto ToDto(SnpPlace p) => new(p.Id, p.Name, Word(p.Kind), p.Kind.French(), p.Address, p.CommuneCode, p.Phone, p.Active, p.Version);

    public static FreeSlotDto ToDto(FreeSlot s, Maillage.Platform.Time.LocalClock clock) => new(s.SlotId, s.Start, s.End, SlotText.When(s.Start, clock),
        s.Kind.ActCode(), s.Kind.French(), s.EffectorId, s.EffectorName, s.ProfessionCode, s.PlaceId, s.PlaceName, s.PlaceAddress, s.CommuneCode, s.CommuneName,
        Word(s.Proximity));

    private static SlotDto ToDto(Slot s) => new(s.Id, s.EffectorId, s.PlaceId, s.Start, s.End, s.Kind.ActCode(), AudienceWords(s.Audience), s.PatternId, s.Version);

    private static PatternDto ToDto(SlotPattern p) => new(p.Id, p.EffectorId, p.PlaceId,
        [.. Enumerable.Range(1, 7).Where(d => p.On((DayOfWeek)(d % 7)))], SnpRules.Hour(p.StartTime), SnpRules.Hour(p.EndTime), p.SlotMinutes, p.Kind.ActCode(),
        AudienceWords(p.Audience), p.ValidFrom, p.ValidTo, [.. p.Absences.OrderBy(a => a.From).Select(a => new AbsenceDto(a.From, a.To, a.Reason))], p.Version);

    private static BookingDto ToDto(Booking b, Slot s, string effector, SnpPlace place, Maillage.Platform.Time.LocalClock clock) =>
        new(b.Id, b.SlotId, s.Start, s.End, SlotText.When(s.Start, clock), effector, place.Name, place.Address, s.Kind.ActCode(),
            new PatientDto(b.PatientFamilyName, b.PatientGivenName, b.PatientBirthDate, b.PatientPhone, b.PatientEmail, b.PatientNir), b.Reason,
            SnpRules.ReasonLabel(b.Reason), Word(b.Origin), b.BookedBy, b.BookedAt, b.RescheduledFromId, b.CancelledAt, b.CancelReason,
            b.Outcome is { } o ? Word(o) : null, b.RedirectedTo, b.Version);

    private static BookingDto ToDto(BookingView v) => ToDto(v.Booking, v.Slot, v.Effector.Name, v.Place, v.Clock);

    /// <summary>
    /// A day of the query string (yyyy-MM-dd): the framework would refuse a malformed one with a bare 400, so it is read here and named in the
    /// problem's errors like the period's other checks.
    /// </summary>
    public static (DateOnly? Day, Error? Error) Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? (day, null)
            : (null, new Error($"invalid_{field}", $"« {value} » n'est pas une date : écrivez-la AAAA-MM-JJ (par exemple 2026-03-02).", field));
    }

    private static (DateOnly? From, DateOnly? To, Error[] Errors) Period(string? from, string? to)
    {
        var (f, fe) = Day(from, "from");
        var (t, te) = Day(to, "to");
        return (f, t, [.. new[] { fe, te }.OfType<Error>()]);
    }

    private static async Task<IResult> Statistics(Guid id, string? from, string? to, HttpContext http, Maillage.Unscheduled.Statistics.ReadSnpStatistics read,
        CancellationToken ct)
    {
        var (f, t, errors) = Period(from, to);
        if (errors.Length > 0)
        {
            return errors.ToProblem();
        }

        var result = await read.RunAsync(id, f, t, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : result.ToProblem();
    }

    private static async Task<IResult> ExportStatistics(Guid id, string? from, string? to, string? format, HttpContext http,
        Maillage.Unscheduled.Statistics.ExportSnpStatistics export, CancellationToken ct)
    {
        var (f, t, errors) = Period(from, to);
        var parsed = Maillage.Unscheduled.Statistics.ExportSnpStatistics.ParseFormat(format);
        if (errors.Length > 0 || !parsed.Succeeded)
        {
            return errors.Concat(parsed.Errors).ToArray().ToProblem();
        }

        var stream = new MemoryStream();
        var result = await export.RunAsync(id, f, t, parsed.Value, http.GetActor(), stream, ct);
        if (!result.Succeeded)
        {
            await stream.DisposeAsync();
            return result.ToProblem();
        }

        stream.Position = 0;
        return TypedResults.File(stream, result.Value!.ContentType, result.Value.FileName);
    }

    private static async Task<IResult> Places(Guid id, HttpContext http, ReadSnp read, CancellationToken ct)
    {
        var result = await read.OverviewAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Places.Select(ToDto).ToList()) : result.ToProblem();
    }

    private static async Task<IResult> AddPlace(Guid id, PlaceRequest body, HttpContext http, SavePlace save, CancellationToken ct)
    {
        var result = await save.RunAsync(id, null, new PlaceInput(body.Name, body.Kind, body.Address, body.CommuneCode, body.Phone), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Created($"/api/cpts/{id}/snp/places/{result.Value!.Id}", ToDto(result.Value)) : result.ToProblem();
    }

    private static async Task<IResult> EditPlace(Guid id, Guid placeId, PlaceRequest body, HttpContext http, SavePlace save, CancellationToken ct)
    {
        var result = await save.RunAsync(id, placeId, new PlaceInput(body.Name, body.Kind, body.Address, body.CommuneCode, body.Phone, body.Version), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> EnrolEffector(Guid id, EnrolRequest body, HttpContext http, EnrollEffector enrol, CancellationToken ct)
    {
        var result = await enrol.RunAsync(id, body.MemberId, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var e = result.Value!;
        return TypedResults.Created($"/api/cpts/{id}/snp/effectors/{e.Id}", new EffectorDto(e.Id, e.MemberId, e.Name, e.Rpps, e.ProfessionCode, e.Active));
    }

    private static async Task<IResult> EnrolRegistrar(Guid id, EnrolRequest body, HttpContext http, EnrollRegistrar enrol, CancellationToken ct)
    {
        var result = await enrol.RunAsync(id, body.MemberId, body.Origin, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var r = result.Value!;
        return TypedResults.Created($"/api/cpts/{id}/snp/registrars/{r.Id}", new RegistrarDto(r.Id, r.MemberId, Word(r.Origin), r.Origin.French(), r.Active));
    }

    private static async Task<IResult> Search(Guid id, DateTimeOffset? from, DateTimeOffset? to, string? near, string? profession, string? kind,
        HttpContext http, SearchSlots search, ReadSnp read, CancellationToken ct)
    {
        var result = await search.RunAsync(id, new SlotQuery(from, to, near, profession, kind), http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var clock = (await read.ScopeAsync(id, http.GetActor(), ct)).Value!.Tenant.Clock;
        return TypedResults.Ok(result.Value!.Select(s => ToDto(s, clock)).ToList());
    }

    private static async Task<IResult> Open(Guid id, SlotRequest body, HttpContext http, OpenSlot open, CancellationToken ct)
    {
        var result = await open.RunAsync(id, new SlotInput(body.EffectorId, body.PlaceId, body.Day, body.StartTime, body.Minutes, body.Kind, body.Audience),
            http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Created($"/api/cpts/{id}/snp/slots/{result.Value!.Id}", ToDto(result.Value)) : result.ToProblem();
    }

    private static async Task<IResult> Withdraw(Guid id, Guid slotId, HttpContext http, OpenSlot open, CancellationToken ct)
    {
        var result = await open.WithdrawAsync(id, slotId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<IResult> Book(Guid id, Guid slotId, BookingRequest body, HttpContext http, BookSlot book, ReadBooking read, ReadSnp scopes,
        CancellationToken ct)
    {
        var actor = http.GetActor();
        var result = await book.RunAsync(id, slotId, new PatientInput(body.FamilyName, body.GivenName, body.BirthDate, body.Phone, body.Email, body.Nir, body.Reason,
            body.Origin), actor, ct);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Errors, book.TakenOffers, actor, scopes, ct);
        }

        var view = await read.RunAsync(id, result.Value!.Id, actor, ct);
        return TypedResults.Created($"/api/cpts/{id}/snp/bookings/{result.Value.Id}", ToDto(view.Value!));
    }

    /// <summary>A refusal; when the slot was just taken, the problem also lists the next free slots (<c>nextSlots</c>): those the booking
    /// found for its message (<see cref="BookSlot.TakenOffers"/>), from the lost slot's hour on.</summary>
    private static async Task<IResult> RefusedAsync(Guid id, IReadOnlyList<Error> errors, IReadOnlyList<FreeSlot> offers, Maillage.Platform.Tenancy.Actor actor,
        ReadSnp scopes, CancellationToken ct)
    {
        if (!errors.Any(e => e.Code == "slot_taken"))
        {
            return errors.ToProblem();
        }

        var clock = (await scopes.ScopeAsync(id, actor, ct)).Value!.Tenant.Clock;
        return TypedResults.Problem(detail: string.Join(" ", errors.Select(e => e.Message)), statusCode: StatusCodes.Status409Conflict, title: "Conflit",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new { e.Code, e.Field, e.Message }).ToArray(),
                ["nextSlots"] = offers.Take(5).Select(s => ToDto(s, clock)).ToArray(),
            });
    }

    private static async Task<IResult> Bookings(Guid id, DateTimeOffset? since, HttpContext http, ReadSnp read, CancellationToken ct)
    {
        var result = await read.BookingsAsync(id, http.GetActor(), since, ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var clock = (await read.ScopeAsync(id, http.GetActor(), ct)).Value!.Tenant.Clock;
        return TypedResults.Ok(result.Value!.Select(l => ToDto(l.Booking, l.Slot, l.EffectorName, l.Place, clock)).ToList());
    }

    private static async Task<IResult> Booking(Guid id, Guid bookingId, HttpContext http, ReadBooking read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, bookingId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Cancel(Guid id, Guid bookingId, CancelRequest? body, HttpContext http, CancelBooking cancel, ReadBooking read, CancellationToken ct)
    {
        var result = await cancel.RunAsync(id, bookingId, body?.Reason, body?.Version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto((await read.RunAsync(id, bookingId, http.GetActor(), ct)).Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Reschedule(Guid id, Guid bookingId, RescheduleRequest body, HttpContext http, BookSlot book, ReadBooking read,
        ReadSnp scopes, CancellationToken ct)
    {
        var actor = http.GetActor();
        if (body.SlotId is not { } slotId)
        {
            return new[] { new Error("slot_required", "Choisissez le nouveau créneau.", "slotId") }.ToProblem();
        }

        var result = await book.RescheduleAsync(id, bookingId, slotId, body.Version, actor, ct);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Errors, book.TakenOffers, actor, scopes, ct);
        }

        return TypedResults.Created($"/api/cpts/{id}/snp/bookings/{result.Value!.Id}", ToDto((await read.RunAsync(id, result.Value.Id, actor, ct)).Value!));
    }

    private static async Task<IResult> Outcome(Guid id, Guid bookingId, OutcomeRequest body, HttpContext http, RecordOutcome record, ReadBooking read,
        CancellationToken ct)
    {
        var result = await record.RunAsync(id, bookingId, body.Outcome, body.RedirectedTo, body.Version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ToDto((await read.RunAsync(id, bookingId, http.GetActor(), ct)).Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Patterns(Guid id, Guid? effectorId, HttpContext http, ReadSnp read, CancellationToken ct)
    {
        var result = await read.AgendaAsync(id, effectorId, null, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Patterns.Select(ToDto).ToList()) : result.ToProblem();
    }

    private static PatternInput Input(PatternRequest b) =>
        new(b.EffectorId, b.PlaceId, b.Weekdays, b.StartTime, b.EndTime, b.SlotMinutes, b.Kind, b.Audience, b.ValidFrom, b.ValidTo, b.Absences, b.Version);

    private static async Task<IResult> AddPattern(Guid id, PatternRequest body, HttpContext http, SavePattern save, CancellationToken ct)
    {
        var result = await save.RunAsync(id, null, Input(body), http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/snp/patterns/{result.Value!.Pattern.Id}", new PatternSavedDto(ToDto(result.Value.Pattern), result.Value.Opened, result.Value.Withdrawn))
            : result.ToProblem();
    }

    private static async Task<IResult> EditPattern(Guid id, Guid patternId, PatternRequest body, HttpContext http, SavePattern save, CancellationToken ct)
    {
        var result = await save.RunAsync(id, patternId, Input(body), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(new PatternSavedDto(ToDto(result.Value!.Pattern), result.Value.Opened, result.Value.Withdrawn)) : result.ToProblem();
    }

    private static async Task<IResult> DeletePattern(Guid id, Guid patternId, HttpContext http, SavePattern save, CancellationToken ct)
    {
        var result = await save.DeleteAsync(id, patternId, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }
}
