using System.Net;
using System.Text.RegularExpressions;
using Maillage.Accounts;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Accounts;

/// <summary>
/// « Modifier » on a line of the accounts page (<c>/comptes/{id}</c>): the form opens with the account as it is, a new role or scope changes
/// what the account reads at once, a refused change is told next to its field with the typed values kept and nothing written, an
/// administrator keeps their own role, two administrators editing at once do not overwrite each other; <c>maillage users edit</c> the same.
/// </summary>
public abstract partial class AccountsPage
{
    private const string Stale = "Ces données ont été modifiées par quelqu'un d'autre entre-temps. Rechargez la page et recommencez.";

    [Fact]
    public void An_open_browser_session_is_rebuilt_from_its_account_every_minute()
    {
        // The edit of a role or scope reaches an open session at the next validation of its security stamp: a minute, not Identity's 30.
        var options = App.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(1), options.ValidationInterval);
    }

    [Fact]
    public async Task An_officer_moved_to_another_region_reads_its_cpts_and_no_longer_those_of_the_first()
    {
        var admin = await App.AdminAsync();
        var loire = (await admin.CreateCptsAsync(Http.Unique("CPTS de l'Erdre"), App.Communes.Take("44", 1))).Id();
        var bretagne = (await admin.CreateCptsAsync(Http.Unique("CPTS de la Vilaine"), App.Communes.Take("35", 1))).Id();
        var user = await App.CreateUserAsync(Role.Officer, region: "52");
        var officer = App.ClientFor(user);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (await StatusAsync(officer, loire), await StatusAsync(officer, bretagne)));

        Assert.Contains($"href=\"/comptes/{user.Id}\"", await admin.PageAsync("/comptes"), StringComparison.Ordinal);
        var form = await admin.PageAsync($"/comptes/{user.Id}");
        Assert.Single(H1().Matches(form));
        Assert.Contains("<option value=\"officer\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"52\" selected=\"selected\">Pays de la Loire (52)</option>", form, StringComparison.Ordinal);
        var (status, _) = await EditAsync(admin, user.Id, form, ("Input.Region", "53"));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (await StatusAsync(officer, loire), await StatusAsync(officer, bretagne)));
        var saved = await FindAsync(user.Email);
        Assert.Equal((Role.Officer, "53", (string?)null, (Guid?)null), (saved.Role, saved.ScopeRegion, saved.ScopeDepartement, saved.CptsId));
        Assert.Contains("Région Bretagne (53)", await admin.PageAsync("/comptes"), StringComparison.Ordinal);
        var edited = Assert.Single(await AuditAsync(user.Id), a => a.Action == "accounts.edited");
        Assert.Contains("périmètre région Pays de la Loire (52) → région Bretagne (53)", edited.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, edited.Details, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_role_takes_its_scope_drops_the_one_it_no_longer_uses_and_the_default_name_follows()
    {
        var admin = await App.AdminAsync();
        var cpts = (await admin.CreateCptsAsync(Http.Unique("CPTS du Pays de Retz"), App.Communes.Take("44", 1))).Id();
        var user = await App.CreateUserAsync(Role.Officer, departement: "35");
        var client = App.ClientFor(user);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, cpts));

        var form = await admin.PageAsync($"/comptes/{user.Id}");
        Assert.Contains("value=\"Référent ARS / CPAM\"", form, StringComparison.Ordinal);
        var (status, _) = await EditAsync(admin, user.Id, form, ("Input.Role", "coordinator"), ("Input.Cpts", cpts.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, status);
        var saved = await FindAsync(user.Email);
        Assert.Equal((Role.Coordinator, (string?)null, (string?)null, (Guid?)cpts), (saved.Role, saved.ScopeRegion, saved.ScopeDepartement, saved.CptsId));
        Assert.Equal("Coordonnateur de CPTS", saved.DisplayName);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, cpts));
        using (var journal = await client.GetAsync($"/api/cpts/{cpts}/audit", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, journal.StatusCode);   // the coordinator's, refused to a member
        }

        (status, _) = await EditAsync(admin, user.Id, await admin.PageAsync($"/comptes/{user.Id}"), ("Input.DisplayName", "Claire Martin (coordination)"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("<td>Claire Martin (coordination)</td>", WebUtility.HtmlDecode(await admin.PageAsync("/comptes")), StringComparison.Ordinal);
        Assert.All(await AuditAsync(user.Id), a => Assert.DoesNotContain("Claire", a.Details, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("officer", "", "99", "", "departement", "Département « 99 » inconnu (code INSEE, ex. 75 ou 2A).")]
    [InlineData("officer", "", "", "", "region", "Un référent ARS/CPAM a pour périmètre une région ou un département (un seul des deux).")]
    [InlineData("officer", "53", "35", "", "region", "Un référent ARS/CPAM a pour périmètre une région ou un département (un seul des deux).")]
    [InlineData("coordinator", "52", "", "", "cpts", "Un coordonnateur ou un membre est rattaché à une CPTS : indiquez-la.")]
    [InlineData("admin", "52", "", "", "role", "Un administrateur n'a pas de périmètre : retirez région, département ou CPTS.")]
    [InlineData("chef", "52", "", "", "role", "Rôle « chef » inconnu : admin, officer, coordinator ou member.")]
    public async Task A_refused_edit_answers_422_in_french_next_to_its_field_keeps_what_was_typed_and_writes_nothing(string role, string region,
        string departement, string cpts, string field, string message)
    {
        var admin = await App.AdminAsync();
        var user = await App.CreateUserAsync(Role.Officer, region: "52");
        var before = await FindAsync(user.Email);
        var form = await admin.PageAsync($"/comptes/{user.Id}");

        var (status, html) = await EditAsync(admin, user.Id, form, ("Input.DisplayName", "Nom tapé"), ("Input.Role", role), ("Input.Region", region),
            ("Input.Departement", departement), ("Input.Cpts", cpts));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains($"<li data-field=\"{field}\">{message}</li>", html, StringComparison.Ordinal);
        Assert.Contains("field-errors.js", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Nom tapé\"", html, StringComparison.Ordinal);
        if (region.Length > 0)
        {
            Assert.Contains($"<option value=\"{region}\" selected=\"selected\">", html, StringComparison.Ordinal);
        }

        var after = await FindAsync(user.Email);
        Assert.Equal((before.Role, before.ScopeRegion, before.ScopeDepartement, before.CptsId, before.DisplayName, before.ConcurrencyStamp),
            (after.Role, after.ScopeRegion, after.ScopeDepartement, after.CptsId, after.DisplayName, after.ConcurrencyStamp));
        Assert.DoesNotContain(await AuditAsync(user.Id), a => a.Action == "accounts.edited");
    }

    [Fact]
    public async Task Only_administrators_open_or_post_the_edit_form()
    {
        var user = await App.CreateUserAsync(Role.Officer, region: "52");
        foreach (var client in new[] { await App.ClientForAsync(Role.Officer, region: "52"), await App.ClientForAsync(Role.Coordinator) })
        {
            using (var page = await client.GetAsync($"/comptes/{user.Id}", Ct))
            {
                Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            }

            // The antiforgery token of a page the caller may open: the refusal is the page's, not the token's.
            var (status, _) = await client.PostFormAsync("/", $"/comptes/{user.Id}", Fields(("Input.Role", "admin"), ("Input.Region", "")));
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }

        Assert.Equal((Role.Officer, "52"), ((await FindAsync(user.Email)).Role, (await FindAsync(user.Email)).ScopeRegion));
        using var unknown = await (await App.AdminAsync()).GetAsync($"/comptes/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Of_two_administrators_editing_at_once_the_second_is_told_and_nothing_of_theirs_is_written()
    {
        var (first, second) = (await App.AdminAsync(), await App.ClientForAsync(Role.Admin));
        var user = await App.CreateUserAsync(Role.Officer, region: "52");
        var (firstForm, secondForm) = (await first.PageAsync($"/comptes/{user.Id}"), await second.PageAsync($"/comptes/{user.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(first, user.Id, firstForm, ("Input.Region", "53"))).Status);
        var (status, html) = await EditAsync(second, user.Id, secondForm, ("Input.Region", ""), ("Input.Departement", "35"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(Stale, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var saved = await FindAsync(user.Email);
        Assert.Equal(("53", (string?)null), (saved.ScopeRegion, saved.ScopeDepartement));
        Assert.Single(await AuditAsync(user.Id), a => a.Action == "accounts.edited");
    }

    [Fact]
    public async Task A_change_saved_between_reading_and_saving_is_refused_by_the_accounts_concurrency_stamp()
    {
        var user = await App.CreateUserAsync(Role.Officer, region: "52");
        await using var slow = App.Factory.Services.CreateAsyncScope();
        // The slow administrator's unit of work has read the account before the other one saves.
        Assert.NotNull(await slow.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>().FindByIdAsync(user.Id));
        await using (var fast = App.Factory.Services.CreateAsyncScope())
        {
            var done = await fast.ServiceProvider.GetRequiredService<EditAccount>().RunAsync(Actor.System, user.Id, new AccountChange(null, "officer", "53"), Ct);
            Assert.True(done.Succeeded, string.Join(" ", done.Errors));
        }

        var refused = await slow.ServiceProvider.GetRequiredService<EditAccount>().RunAsync(Actor.System, user.Id,
            new AccountChange(null, "officer", Departement: "35"), Ct);

        Assert.Equal(Maillage.Platform.Errors.ErrorKind.Conflict, refused.Kind);
        Assert.Equal(Stale, Assert.Single(refused.Errors).Message);
        Assert.Equal(("53", (string?)null), ((await FindAsync(user.Email)).ScopeRegion, (await FindAsync(user.Email)).ScopeDepartement));
        Assert.Single(await AuditAsync(user.Id), a => a.Action == "accounts.edited");
    }

    [Fact]
    public async Task An_administrator_keeps_their_own_administrator_role_but_may_rename_themself()
    {
        var me = await App.CreateUserAsync(Role.Admin);
        var admin = App.ClientFor(me);
        var form = await admin.PageAsync($"/comptes/{me.Id}");
        Assert.DoesNotContain("<option value=\"officer\"", form, StringComparison.Ordinal);

        var (status, html) = await EditAsync(admin, me.Id, form, ("Input.Role", "officer"), ("Input.Region", "53"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Vous ne pouvez pas retirer votre propre rôle d'administrateur", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(Role.Admin, (await FindAsync(me.Email)).Role);
        using (var page = await admin.GetAsync("/comptes", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        (status, _) = await EditAsync(admin, me.Id, form, ("Input.DisplayName", "Administratrice régionale"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(("Administratrice régionale", Role.Admin), ((await FindAsync(me.Email)).DisplayName, (await FindAsync(me.Email)).Role));
    }

    [Fact]
    public async Task The_adherent_an_account_speaks_for_stays_linked_while_its_cpts_stays_and_is_checked_in_a_new_one()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1, linkAccounts: false);
        var user = await App.CreateUserAsync(Role.Member, world.Cpts, memberId: world[0].Id);
        var admin = await App.AdminAsync();
        var form = await admin.PageAsync($"/comptes/{user.Id}");
        Assert.Contains($"value=\"{world[0].Rpps}\"", form, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(admin, user.Id, form, ("Input.Role", "coordinator"))).Status);
        Assert.Equal((Role.Coordinator, (Guid?)world[0].Id), ((await FindAsync(user.Email)).Role, (await FindAsync(user.Email)).MemberId));

        form = await admin.PageAsync($"/comptes/{user.Id}");
        var (status, html) = await EditAsync(admin, user.Id, form, ("Input.Cpts", world.ForeignCpts.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains($"Aucun adhérent de cette CPTS n'a le RPPS {world[0].Rpps}.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        (status, _) = await EditAsync(admin, user.Id, form, ("Input.Cpts", world.ForeignCpts.ToString()), ("Input.MemberRpps", ""));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var saved = await FindAsync(user.Email);
        Assert.Equal(((Guid?)world.ForeignCpts, (Guid?)null), (saved.CptsId, saved.MemberId));
    }

    [Fact]
    public async Task Users_edit_changes_what_it_is_given_and_refuses_in_french()
    {
        var user = await App.CreateUserAsync(Role.Officer, region: "52");
        var moved = await MaillageCommand.RunAsync(App.Database.Setting, "users", "edit", "--email", user.Email, "--departement", "35", "--json");
        Assert.True(moved.ExitCode == 0, moved.ToString());
        Assert.Equal(("officer", "35"), (moved.Json.GetProperty("role").GetString(), moved.Json.GetProperty("departement").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, moved.Json.GetProperty("region").ValueKind);

        var named = await MaillageCommand.RunAsync(App.Database.Setting, "users", "edit", "--email", user.Email, "--name", "CPAM d'Ille-et-Vilaine");
        Assert.True(named.ExitCode == 0, named.ToString());
        var saved = await FindAsync(user.Email);
        Assert.Equal(("CPAM d'Ille-et-Vilaine", (string?)"35"), (saved.DisplayName, saved.ScopeDepartement));

        var refused = await MaillageCommand.RunAsync(App.Database.Setting, "users", "edit", "--email", user.Email, "--role", "coordinator");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Un coordonnateur ou un membre est rattaché à une CPTS : indiquez-la.", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(Role.Officer, (await FindAsync(user.Email)).Role);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, Guid cpts)
    {
        using var response = await client.GetAsync($"/api/cpts/{cpts}", Ct);
        return response.StatusCode;
    }

    /// <summary>Posts the edit form as the browser would: every field as the page filled it, then what the administrator changed.</summary>
    private static Task<(HttpStatusCode Status, string Html)> EditAsync(HttpClient admin, string id, string form, params (string Key, string? Value)[] changed)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.Version"] = Filled(form, "Input.Version"), ["Input.DisplayName"] = WebUtility.HtmlDecode(Filled(form, "Input.DisplayName")),
            ["Input.Role"] = Chosen(form, "acc-role"), ["Input.Region"] = Chosen(form, "acc-region"), ["Input.Departement"] = Chosen(form, "acc-dep"),
            ["Input.Cpts"] = Chosen(form, "acc-cpts"), ["Input.MemberRpps"] = Filled(form, "Input.MemberRpps"),
        };
        foreach (var (key, value) in changed)
        {
            fields[key] = value;
        }

        return admin.PostFormAsync($"/comptes/{id}", $"/comptes/{id}", fields);
    }

    private static string Filled(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"").Groups[1].Value;

    private static string Chosen(string html, string select)
    {
        var list = Regex.Match(html, $"<select id=\"{select}\".*?</select>", RegexOptions.Singleline).Value;
        return Regex.Match(list, "<option value=\"([^\"]*)\" selected=\"selected\"").Groups[1].Value;
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
