using Maillage.Web.Association;
using Maillage.Web.Directory;
using Maillage.Web.Fhir;
using Maillage.Web.Funding;
using Maillage.Web.Indemnities;
using Maillage.Web.Lifecycle;
using Maillage.Web.Membership;
using Maillage.Web.Platform;
using Maillage.Web.Territories;
using Maillage.Web.TreatingDoctor;
using Maillage.Web.Unscheduled;

var builder = WebApplication.CreateBuilder(args);
builder.AddMaillagePlatform();
builder.AddTreatingDoctorWeb();

var app = builder.Build();
app.UseMaillagePlatform();
app.MapPlatform();
app.MapTerritories();
app.MapLifecycle();
app.MapDirectory();
app.MapMembership();
app.MapAssociation();
app.MapIndemnities();
app.MapFunding();
app.MapUnscheduled();
app.MapTreatingDoctor();
app.MapFhir();
await app.PrepareAndRunAsync();

/// <summary>The web host; public so integration tests can start it.</summary>
public partial class Program;
