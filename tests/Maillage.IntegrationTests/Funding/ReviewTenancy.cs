using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Maillage.IntegrationTests.Funding.ReviewWorld;
using Maillage.Funding.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Who reaches the dialogue de gestion of CPTS A's contract: everyone who may read the contract reads the reviews, the pack and the page; the
/// coordinator, the treasurer and the admin prepare (open, edit, actions); the officers of the ARS and the CPAM recorded on the contract and
/// the admin decide, the officers of the territory who did not sign it read only (issue 11); others get a 404.
/// A change that lands is undone afterwards so that every case starts from the same review.
/// </summary>
public abstract class ReviewTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes = ["GET reviews", "POST review", "GET review", "PUT review", "POST action", "POST decision", "GET pack.pdf", "GET page"];

    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 201 200 200 201 200 200 200"),
        ("officer in scope", "200 403 200 403 403 200 200 200"),
        ("ARS of the contract", "200 403 200 403 403 200 200 200"),
        ("ARS of another région", "200 403 200 403 403 403 200 200"),
        ("CPAM of another département", "200 403 200 403 403 403 200 200"),
        ("officer out of scope", "404 404 404 404 404 404 404 404"),
        ("coordinator", "200 201 200 200 201 403 200 200"),
        ("treasurer", "200 201 200 200 201 403 200 200"),
        ("member", "200 403 200 403 403 403 200 200"),
        ("other coordinator", "404 404 404 404 404 404 404 404"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(Routes, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_the_dialogue_only_as_far_as_their_role_and_scope_allow(string user, string route, int expected)
    {
        var shared = await App.SharedAsync("review-tenancy", async () =>
        {
            var world = await IndicatorWorld.WithContractAsync(App);
            await OpenAsync(world.Coordinator, world, 1);
            return Tuple.Create(world, await FundingTreasurer.CreateAsync(App, world.A, world.Coordinator));
        });
        var w = shared.Item1;
        var client = user == "treasurer" ? shared.Item2 : w.Client(user);
        var pack = await w.Admin.GetJsonAsync(Url(w, 1));

        using var response = route switch
        {
            "GET reviews" => await client.GetAsync(new Uri(Url(w), UriKind.Relative), Ct),
            "POST review" => await client.PostJsonAsync(Url(w), new { year = 2 }),
            "GET review" => await client.GetAsync(new Uri(Url(w, 1), UriKind.Relative), Ct),
            "PUT review" => await client.PutJsonAsync(Url(w, 1), new { participants = "CPAM, ARS", version = Version(pack) }),
            "POST action" => await client.PostJsonAsync($"{Url(w, 1)}/actions", new { title = "Action" }),
            "POST decision" => await client.PostJsonAsync($"{Url(w, 1)}/decision", Decision(pack)),
            "GET pack.pdf" => await client.GetAsync(new Uri($"{Url(w, 1)}/pack.pdf", UriKind.Relative), Ct),
            _ => await client.GetAsync(new Uri($"/cpts/{w.A}/contrat/dialogue/1", UriKind.Relative), Ct),
        };

        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var contract = await db.AciContracts().Where(c => c.CptsId == w.A).Select(c => c.Id).SingleAsync(Ct);
        try
        {
            var body = response.Content.Headers.ContentType?.MediaType == "application/pdf" ? "(pdf)" : await response.Content.ReadAsStringAsync(Ct);
            Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
            var years = await db.AnnualReviews().Where(r => r.ContractId == contract).Select(r => new { r.Year, r.Status }).ToListAsync(Ct);
            Assert.Equal(route == "POST review" && expected == 201 ? 2 : 1, years.Count);
            Assert.Equal(route == "POST decision" && expected == 200, years.Single(y => y.Year == 1).Status == Maillage.Funding.Reviews.ReviewStatus.Decided);
        }
        finally
        {
            // Undone even when the case fails, so that one wrong answer does not make the other cases fail.
            await db.AnnualReviews().Where(r => r.ContractId == contract && r.Year == 2).ExecuteDeleteAsync(Ct);
            await db.AnnualReviews().Where(r => r.ContractId == contract && r.Year == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Maillage.Funding.Reviews.ReviewStatus.Open), Ct);
        }
    }
}

public sealed class ReviewTenancy_on_sqlite(SqliteApp app) : ReviewTenancy(app), IClassFixture<SqliteApp>;

public sealed class ReviewTenancy_on_postgres(PostgresApp app) : ReviewTenancy(app), IClassFixture<PostgresApp>;
