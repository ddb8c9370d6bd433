using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.IntegrationTests.Directory;
using Maillage.Lifecycle.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>The treasurer of a CPTS for the funding tests: an adhérent on the conseil and treasurer in the bureau, with an account linked to it.</summary>
public static class FundingTreasurer
{
    public static async Task<HttpClient> CreateAsync(MaillageApp app, Guid cpts, HttpClient coordinator)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(coordinator);
        var ct = TestContext.Current.CancellationToken;
        string commune;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            commune = await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().TerritoryUnits().Where(u => u.CptsId == cpts).Select(u => u.Code).FirstAsync(ct);
        }

        var rpps = DirectoryData.NewRpps();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"{CommunityWorld.Header}\n{rpps};Trésor;Anne;50;;L;{commune};;;;;;;;{rpps}@pro.example;;;oui\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "annuaire.csv");
            await (await (await app.AdminAsync()).PostAsync("/api/directory/import", form, ct)).ExpectAsync(HttpStatusCode.OK);
        }

        var member = (await (await coordinator.PostJsonAsync($"/api/cpts/{cpts}/members", new { rpps, status = "member", since = Http.Today.AddYears(-1) }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await coordinator.AddMandateAsync(cpts, "board", member, "member", Http.Today.AddMonths(-1), HttpStatusCode.Created);
        await coordinator.AddMandateAsync(cpts, "bureau", member, "treasurer", Http.Today.AddMonths(-1), HttpStatusCode.Created);
        return await app.ClientForAsync(Role.Member, cpts, memberId: member);
    }
}
