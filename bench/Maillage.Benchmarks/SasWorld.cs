extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Maillage.Directory;
using Maillage.Lifecycle;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Membership;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Territories.Published;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Sas;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Benchmarks;

/// <summary>How big a <see cref="SasWorld"/> is: CPTS × effectors each, days of slots from tomorrow, slot length.</summary>
public sealed record SasShape(int Cpts, int EffectorsPerCpts, int Days, int SlotMinutes = 20)
{
    /// <summary>Local working day: 08:00–12:00 and 14:00–18:00 (24 slots of 20 minutes).</summary>
    public static readonly (TimeOnly From, TimeOnly To)[] Hours = [(new(8, 0), new(12, 0)), (new(14, 0), new(18, 0))];

    /// <summary>One slot in <see cref="SasEvery"/> is published to the SAS (2 hours a day for an effector with 20-minute slots).</summary>
    public const int SasEvery = 4;

    /// <summary>Share of slots already booked, in percent.</summary>
    public const int BookedPercent = 15;

    public int Effectors => Cpts * EffectorsPerCpts;

    public int SlotsPerDay => Hours.Sum(h => (int)(h.To - h.From).TotalMinutes / SlotMinutes);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cpts} CPTS × {EffectorsPerCpts} effectors = {Effectors:N0} effectors, {Days} days of {SlotsPerDay} slots of {SlotMinutes} min");
}

/// <summary>
/// Unscheduled care on a platform seeded for the SAS (issue 12), served by the real web host listening on a real TCP port (Kestrel on
/// 127.0.0.1): <see cref="SasShape.Cpts"/> CPTS in metropolitan communes, each with <see cref="SasShape.EffectorsPerCpts"/> doctors (directory
/// professional, adhérent, effector, their own practice as place of consultation) and, from tomorrow for <see cref="SasShape.Days"/> days, slots
/// over a working day (<see cref="SasShape.Hours"/>); one in <see cref="SasShape.SasEvery"/> is published to the SAS (SNP and PUBLIC, and
/// CPTS for half the effectors), the rest to the CPTS's registrars only; <see cref="SasShape.BookedPercent"/>% are booked. Directory,
/// members, effectors, places, slots and bookings are written with <see cref="BulkRows"/> (prepared INSERT / binary COPY), the CPTS through
/// EF Core. Accounts: the SAS platform's (claim <c>maillage:sas</c> = <c>platform</c>) and coordinators of the first CPTS, each with an API token.
/// </summary>
public sealed class SasWorld : IAsyncDisposable
{
    private static readonly string[] LastNames = ["Martin", "Bernard", "Le Gall", "Kerbrat", "Dubois", "Hoarau", "Nguyen", "Lefèvre", "Garcia", "Morel"];
    private static readonly string[] FirstNames = ["Marie", "Jean", "Claire", "Yann", "Sophie", "Karim", "Gaëlle", "Hugo", "Inès", "Loïc"];

    private readonly BenchDatabase database;
    private readonly BenchHost host;

    private SasWorld(Engine engine, SasShape shape, BenchDatabase database, BenchHost host, Uri address)
    {
        (Engine, Shape, this.database, this.host, Address) = (engine, shape, database, host, address);
    }

    public Engine Engine { get; }

    public SasShape Shape { get; }

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => host.Services;

    /// <summary>The RPPS of every effector, in seeding order (CPTS after CPTS).</summary>
    public IReadOnlyList<string> Rpps { get; private set; } = [];

    public IReadOnlyList<Guid> CptsIds { get; private set; } = [];

    public TimeSpan SeedTime { get; private set; }

    public string Counts { get; private set; } = "";

    public static async Task<SasWorld> CreateAsync(Engine engine, SasShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var database = await BenchDatabase.CreateEmptyAsync(engine);
        var host = new BenchHost(database, "http://127.0.0.1:0", QueryCounter.Instance, SqlLog.Instance);
        host.UseKestrel();
        // Starting the host migrates the database and loads the geography (its own start-up checks).
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var world = new SasWorld(engine, shape, database, host, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        var watch = Stopwatch.StartNew();
        await world.SeedAsync();
        world.SeedTime = watch.Elapsed;
        return world;
    }

    /// <summary>A new account with an API token: the SAS platform's, or a coordinator of <paramref name="cpts"/>.</summary>
    public async Task<string> TokenAsync(Role role, Guid? cpts, bool sas)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..10]}@banc.maillage.example";
        var user = new MaillageUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = sas ? "SAS" : role.ToString(), Role = role, CptsId = cpts };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        if (sas && !(await users.AddClaimAsync(user, new Claim(web::Maillage.Web.Fhir.FhirWeb.SasClaim, web::Maillage.Web.Fhir.FhirWeb.SasClaimValue))).Succeeded)
        {
            throw new InvalidOperationException("claim");
        }

        return await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "banc");
    }

    /// <summary>
    /// <paramref name="count"/> SAS searches as the SAS sends them (CPTS flow, every include, status=free): each names 25 effectors drawn at
    /// random among all (so across CPTS), over <paramref name="hours"/> hours (48, as the issue asks, unless told) from the first seeded day's midnight, written in Paris time with milliseconds and a raw offset.
    /// </summary>
    public IReadOnlyList<(string Path, SasSlotQuery Query)> SasSearches(int count, int hours = 48, int seed = 12)
    {
        var random = new Random(seed);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        // From the first seeded day's midnight, Paris time (the query the SAS sends at midnight): two full days of slots in every answer,
        // whatever the hour of the run (from « now », a run at 00:30 found one day and half the answer of a run at 22:30).
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(1).ToDateTime(TimeOnly.MinValue);
        // A window shorter than a day starts at 08:00, when the slots do.
        var from = hours < 24 ? tomorrow.AddHours(8) : tomorrow;
        var now = new DateTimeOffset(from, paris.GetUtcOffset(from));
        var until = TimeZoneInfo.ConvertTime(now.AddHours(hours), paris);
        static string Write(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var rpps = Enumerable.Range(0, 25).Select(_ => Rpps[random.Next(Rpps.Count)]).Distinct().ToList();
            var ids = rpps.Select(r => "urn:oid:1.2.250.1.71.4.2.1%7C8" + r);
            var path = $"/fhir/Slot?start=ge{Write(now)}&start=le{Write(until)}&schedule.actor:Practitioner.identifier={string.Join(',', ids)}"
                + "&_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization&status=free";
            return (path, new SasSlotQuery(now, until, rpps, CptsCase: true));
        })];
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var geo = Reference.Geo;
        var compute = new ComputeTerritory(geo, Reference.Tiers);
        var communes = geo.Units.Values.Where(u => u.IsTerritoryUnit && geo.ArrondissementsOf(u.Code).Count == 0 && !u.Departement.StartsWith("97", StringComparison.Ordinal))
            .OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Code).ToList();
        var now = DateTimeOffset.UtcNow;
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, paris).DateTime).AddDays(1);
        var cptsCodes = Enumerable.Range(0, Shape.Cpts).Select(i => communes[(int)((long)i * communes.Count / Shape.Cpts)]).ToList();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var all = new List<Cpts>();
        for (var i = 0; i < Shape.Cpts; i++)
        {
            var territory = compute.Run([cptsCodes[i]]);
            all.Add(new Cpts
            {
                Id = Guid.NewGuid(), Name = $"CPTS de banc SAS {i + 1:0000}", Stage = Stage.AciSigned, Population = territory.Population, Tier = territory.Tier,
                TierRuleSet = territory.RuleSet, Departements = Cpts.AsCodeList(territory.Departements), Regions = Cpts.AsCodeList(territory.Regions), CreatedAt = now,
                Siret = i % 2 == 0 ? $"{80000000000000L + i}" : null, ContactPhone = "02 99 00 00 00",
                Letter = new LetterOfIntent { Actors = "Médecins du territoire", Context = "Territoire", Needs = "Soins non programmés" },
            });
        }

        db.Cpts().AddRange(all);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        CptsIds = [.. all.Select(c => c.Id)];

        var professionals = new List<Professional>(Shape.Effectors);
        var members = new List<Member>(Shape.Effectors);
        var effectors = new List<Effector>(Shape.Effectors);
        var places = new List<SnpPlace>(Shape.Effectors);
        for (var n = 0; n < Shape.Effectors; n++)
        {
            var cpts = all[n / Shape.EffectorsPerCpts];
            var (last, first) = (LastNames[n % LastNames.Length], FirstNames[(n / LastNames.Length) % FirstNames.Length]);
            var specialty = n % 5 == 4 ? null : "SM54";
            var professional = new Professional
            {
                Id = Guid.NewGuid(), Rpps = DirectoryGenerator.RppsOf(n + 1), LastName = last, FirstName = first, ProfessionCode = "10", SpecialtyCode = specialty,
                PracticeMode = PracticeMode.Liberal, Source = "csv", UpdatedAt = now,
            };
            var member = new Member { Id = Guid.NewGuid(), CptsId = cpts.Id, ProfessionalId = professional.Id, College = "Professionnels libéraux", CreatedAt = now };
            professionals.Add(professional);
            members.Add(member);
            effectors.Add(new Effector
            {
                Id = Guid.NewGuid(), CptsId = cpts.Id, MemberId = member.Id, Rpps = professional.Rpps, FamilyName = last, GivenName = first, ProfessionCode = "10",
                SpecialtyCode = specialty, Active = true, EnrolledAt = now.AddDays(-30),
            });
            places.Add(new SnpPlace
            {
                Id = Guid.NewGuid(), CptsId = cpts.Id, Name = $"Cabinet du Dr {last} {n + 1}", Kind = n % 10 == 0 ? PlaceKind.Msp : PlaceKind.Practice,
                Address = $"{1 + (n % 80)} rue de la Gare", CommuneCode = cptsCodes[n / Shape.EffectorsPerCpts], Phone = "02 54 77 12 34", Active = true,
            });
        }

        Rpps = [.. effectors.Select(e => e.Rpps)];
        var bookings = new List<Booking>();
        IEnumerable<Slot> Slots()
        {
            for (var n = 0; n < effectors.Count; n++)
            {
                var (effector, place) = (effectors[n], places[n]);
                var random = new Random(n);
                for (var d = 0; d < Shape.Days; d++)
                {
                    var day = tomorrow.AddDays(d);
                    var k = 0;
                    foreach (var (from, to) in SasShape.Hours)
                    {
                        for (var t = from; t < to; t = t.AddMinutes(Shape.SlotMinutes), k++)
                        {
                            var local = day.ToDateTime(t);
                            var start = new DateTimeOffset(local, paris.GetUtcOffset(local)).ToUniversalTime();
                            var sas = (k + n) % SasShape.SasEvery == 0;
                            var audience = SlotAudience.Registrars
                                | (sas ? SlotAudience.SasSnp | SlotAudience.SasPublic | (n % 2 == 0 ? SlotAudience.SasCpts : SlotAudience.None) : SlotAudience.None);
                            var slot = new Slot
                            {
                                Id = Guid.NewGuid(), CptsId = effector.CptsId, EffectorId = effector.Id, PlaceId = place.Id, Start = start,
                                End = start.AddMinutes(Shape.SlotMinutes), Kind = k % 10 == 9 ? SlotKind.Teleconsultation : SlotKind.InPerson, Audience = audience,
                            };
                            if (random.Next(100) < SasShape.BookedPercent)
                            {
                                bookings.Add(new Booking
                                {
                                    Id = Guid.NewGuid(), CptsId = slot.CptsId, SlotId = slot.Id, PatientFamilyName = "Durand", PatientGivenName = "Camille",
                                    PatientBirthDate = new DateOnly(1958, 4, 12), PatientPhone = "0612345678", Reason = "fever", Origin = BookingOrigin.Pharmacy,
                                    BookedById = "banc", BookedBy = "banc", BookedAt = now,
                                });
                            }

                            yield return slot;
                        }
                    }
                }
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkRows.InsertAsync(db, professionals);
        await BulkRows.InsertAsync(db, members);
        await BulkRows.InsertAsync(db, effectors);
        await BulkRows.InsertAsync(db, places);
        var slots = await BulkRows.InsertAsync(db, Slots());
        await BulkRows.InsertAsync(db, bookings);
        await tx.CommitAsync();
        if (!db.IsSqlite)
        {
            // What autovacuum would do within a minute of such a load: the planner's statistics.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        Counts = string.Create(CultureInfo.InvariantCulture,
            $"{all.Count:N0} CPTS, {effectors.Count:N0} effectors (and their professionals, members, places), {slots:N0} slots, {bookings.Count:N0} bookings");
    }
}

/// <summary>When started, records each SQL command the host sends and its execution time (to the first row), for a breakdown of one request.</summary>
public sealed class SqlLog : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private List<(string Sql, double Ms)>? log;

    public static SqlLog Instance { get; } = new();

    public void Start() => log = [];

    public List<(string Sql, double Ms)> Stop()
    {
        var done = log ?? [];
        log = null;
        return done;
    }

    public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        lock (this)
        {
            log?.Add((command.CommandText, eventData.Duration.TotalMilliseconds));
        }

        return ValueTask.FromResult(result);
    }
}
