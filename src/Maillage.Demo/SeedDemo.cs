using Maillage.Lifecycle;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Territories.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Demo;

/// <summary>
/// The demo: sixteen CPTS on real communes over several régions and every stage (rural, Paris arrondissement,
/// large agglomerations, DROM, one dissolved) and one account per role. Only on an empty database.
/// </summary>
public sealed class SeedDemo(MaillageDbContext db, GeoCatalog geo, CreateCpts create, RecordStage stages, UpdateLetter letters, IServiceProvider services) : IDemoSeeding
{
    public const string Password = "Maillage-Demo-2026!";

    /// <summary>The demo's SAS regulator (made as the SAS makes one, through <see cref="Maillage.Unscheduled.Sas.SaveSasRegulator"/>): it books a
    /// slot offered to the SAS from the slot's <c>comment</c> address with <c>&amp;origin=sas</c>.</summary>
    public const string RegulatorEmail = "regulateur@sas.demo";

    /// <summary>The demo accounts: e-mail, role and what they see.</summary>
    public static IReadOnlyList<(string Email, Role Role, string Scope)> Accounts { get; } =
    [
        ("admin@maillage.demo", Role.Admin, "toute la plateforme"),
        ("ars.paysdelaloire@maillage.demo", Role.Officer, "ARS Pays de la Loire (région 52)"),
        ("ars.bretagne@maillage.demo", Role.Officer, "ARS Bretagne (région 53), signataire du contrat de Redon"),
        ("cpam.paris@maillage.demo", Role.Officer, "CPAM de Paris (département 75)"),
        ("coordination@cpts-redon.demo", Role.Coordinator, "CPTS du Pays de Redon"),
        ("membre@cpts-redon.demo", Role.Member, "CPTS du Pays de Redon — adhérente (infirmière)"),
        ("tresorier@cpts-redon.demo", Role.Member, "CPTS du Pays de Redon — trésorière du bureau"),
        ("medecin@cpts-redon.demo", Role.Member, "CPTS du Pays de Redon — adhérent (médecin généraliste), effecteur des soins non programmés, médecin traitant volontaire"),
        ("coordination@cpts-paris14.demo", Role.Coordinator, "CPTS Paris 14"),
    ];

    private sealed record DemoCpts(string Name, string? Epci, string[] Codes, string? Rna, params string[] StageDates);

    private static readonly DemoCpts[] Communities =
    [
        new("CPTS du Pays de Redon", "243500741", [], "W353001234", "2018-09-14", "2019-03-20", "2020-06-11", "2021-01-28"),
        new("CPTS Paris 14", null, ["75114"], "W751234567", "2018-05-02", "2018-12-10", "2019-10-03", "2020-05-15"),
        new("CPTS Nantes Agglomération", "244400404", [], "W442001122", "2020-02-01", "2021-04-12", "2023-09-19"),
        new("CPTS Nord Réunion", "249740119", [], null, "2022-01-10", "2023-06-01"),
        new("CPTS Creuse Grand Sud", "200044014", [], null, "2024-03-05"),
        new("CPTS Lyon Rive Gauche", null, ["69383", "69386", "69387"], "W691002003", "2021-11-08", "2022-10-17"),
        new("CPTS Marseille Nord", null, ["13213", "13214", "13215", "13216"], "W133004005", "2019-01-15", "2019-09-09", "2020-11-23", "2021-07-01"),
        new("CPTS Saumur Val de Loire", "200071876", [], "W491006007", "2019-06-03", "2020-01-20", "2021-02-15", "2021-10-04"),
        new("CPTS du Choletais", "200071678", [], "W491008009", "2020-09-01", "2021-09-30", "2023-03-14"),
        new("CPTS Laval Agglomération", "200083392", [], null, "2022-05-16", "2023-11-06"),
        new("CPTS du Boulonnais", "246200729", [], "W623001001", "2019-02-11", "2019-11-25", "2020-12-07", "2021-06-21"),
        new("CPTS du Grand-Figeac", "200067361", [], null, "2024-09-23"),
        new("CPTS du Pays Bastiais", "242000354", [], null, "2023-01-09", "2024-02-26"),
        new("CPTS Nord Martinique", "200041788", [], "W972000111", "2019-10-01", "2020-07-06", "2021-05-10", "2022-01-17"),
        new("CPTS Yonne Nord", "248900896", [], null, "2021-03-01", "2022-02-14"),
        new("CPTS du Grand Besançon", "242500361", [], "W251000222", "2018-11-19", "2019-07-01", "2020-03-02", "2020-12-14"),
    ];

    /// <summary>Seeds when the database has no CPTS and no account; returns whether it did.</summary>
    public async Task<bool> RunIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Cpts().AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            return false;
        }

        var ids = new Dictionary<string, Guid>();
        foreach (var c in Communities)
        {
            var codes = c.Epci is null ? c.Codes : geo.Epcis[c.Epci].Members.ToArray();
            var dates = c.StageDates.Select(DateOnly.Parse).ToList();
            // Redon has a (fictional) FINESS, so that the SAS sees its Organization named as the CPTS profile asks.
            var finess = c.Name == "CPTS du Pays de Redon" ? "350999017" : null;
            var created = await create.RunAsync(new CptsInput(c.Name, c.Rna, null, null, null, codes) { Finess = finess }, Actor.System, dates[0], ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo CPTS {c.Name} refused: {created.Errors[0].Message}");
            }

            ids[c.Name] = created.Value!.Id;
            foreach (var (date, stage) in dates.Skip(1).Zip(Stages.Ordered.Skip(1)))
            {
                await stages.RunAsync(created.Value.Id, stage.Id(), date, null, Actor.System, ct);
            }

            db.ChangeTracker.Clear();
        }

        await stages.RunAsync(ids["CPTS Yonne Nord"], Stage.Dissolved.Id(), new DateOnly(2024, 6, 30), null, Actor.System, ct);
        await letters.RunAsync(ids["CPTS du Pays de Redon"], new LetterOfIntent
        {
            Actors = "14 professionnels : 5 médecins généralistes, 3 pharmaciens, 4 infirmiers, 2 kinésithérapeutes ; hôpital de Redon ; mairies.",
            Context = "Territoire rural à cheval sur trois départements et deux régions, 31 communes.",
            Needs = "Patients sans médecin traitant, soins non programmés le samedi, sortie d'hospitalisation des insuffisants cardiaques.",
            Objectives = "Trouver un médecin traitant aux patients en ALD ; organiser les soins non programmés ; parcours insuffisance cardiaque.",
            Calendar = "Assemblée constitutive en juin, projet de santé en décembre.",
            Obstacles = "Disponibilité des professionnels, temps de coordination.",
        }, null, Actor.System, ct);
        var redon = ids["CPTS du Pays de Redon"];
        var community = services.GetRequiredService<SeedCommunityDemo>();
        await community.RunAsync(redon, ct);
        await services.GetRequiredService<SeedFundingDemo>().RunAsync(redon, ct);
        await services.GetRequiredService<SeedFundingPaymentsDemo>().RunAsync(redon, ct);
        await services.GetRequiredService<SeedFundingIndicatorsDemo>().RunAsync(redon, ct);
        await services.GetRequiredService<SeedFundingBudgetDemo>().RunAsync(redon, ct);
        var linked = new Dictionary<string, Guid>
        {
            ["membre@cpts-redon.demo"] = await community.MemberIdAsync(redon, SeedCommunityDemo.MemberRpps, ct),
            ["tresorier@cpts-redon.demo"] = await community.MemberIdAsync(redon, SeedCommunityDemo.TreasurerRpps, ct),
            ["medecin@cpts-redon.demo"] = await community.MemberIdAsync(redon, SeedUnscheduledDemo.DoctorRpps, ct),
        };
        await AddAccountsAsync(ids, linked, ct);

        // After the accounts: the bookings of the demo registrars are theirs (booked by their account).
        var accounts = await db.Users.Where(u => u.MemberId != null).ToDictionaryAsync(u => u.MemberId!.Value, u => u.Id, ct);
        await services.GetRequiredService<SeedUnscheduledDemo>().RunAsync(redon, ids["CPTS Nord Réunion"], accounts, ct);
        await services.GetRequiredService<SeedTreatingDoctorDemo>().RunAsync(redon, accounts, ct);
        await AddRegulatorAsync(ct);
        return true;
    }

    /// <summary>The SAS regulator, as the SAS would create it, with the demo password instead of an unknown one (terms not yet accepted).</summary>
    private async Task AddRegulatorAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<Maillage.Unscheduled.Sas.SaveSasRegulator>().CreateAsync(
            new Maillage.Unscheduled.Sas.RegulatorInput("3456780581/11242343", "1ef1c748-01a3-6180-b098-73283ce4e5b1", "Loridon", "Sébastien", RegulatorEmail, true),
            Actor.System, ct);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Demo regulator refused: {saved.Errors[0].Code}");
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        var user = await users.FindByIdAsync(saved.Value!.Regulator.UserId) ?? throw new InvalidOperationException("Demo regulator without account");
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password);
        if (!reset.Succeeded)
        {
            throw new InvalidOperationException($"Demo regulator password refused: {string.Join(' ', reset.Errors.Select(e => e.Code))}");
        }
    }

    private async Task AddAccountsAsync(Dictionary<string, Guid> ids, Dictionary<string, Guid> linked, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        foreach (var (email, role, scopeLabel) in Accounts)
        {
            var user = new MaillageUser
            {
                UserName = email, Email = email, EmailConfirmed = true, Role = role, DisplayName = scopeLabel,
                CptsId = email.Contains("redon", StringComparison.Ordinal) ? ids["CPTS du Pays de Redon"]
                    : email.Contains("paris14", StringComparison.Ordinal) ? ids["CPTS Paris 14"] : null,
                ScopeRegion = email.StartsWith("ars.paysdelaloire", StringComparison.Ordinal) ? "52"
                    : email.StartsWith("ars.bretagne", StringComparison.Ordinal) ? SeedFundingDemo.ArsRegion : null,
                ScopeDepartement = email.StartsWith("cpam.paris", StringComparison.Ordinal) ? "75" : null,
                MemberId = linked.TryGetValue(email, out var member) ? member : null,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account refused: {string.Join(' ', result.Errors.Select(e => e.Code))}");
            }
        }

        ct.ThrowIfCancellationRequested();
    }
}
