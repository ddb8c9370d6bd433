using Maillage.Web.Api;
using Maillage.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddMaillagePlatform();

var app = builder.Build();
app.UseMaillagePlatform();
app.MapHealth();
app.MapTerritoriesApi();
app.MapCptsApi();
app.MapCoverageApi();
app.MapCommunityApi();
app.MapMembershipApi();
app.MapCampaignsApi();
app.MapAssociationApi();
app.MapMeetingsApi();
app.MapIndemnitiesApi();
app.MapFundingApi();
app.MapScheduleApi();
app.MapPaymentApi();
app.MapBudgetApi();
app.MapReviewApi();
app.MapMaillagePages();
await app.PrepareAndRunAsync();

/// <summary>The web host; public so integration tests can start it.</summary>
public partial class Program;
