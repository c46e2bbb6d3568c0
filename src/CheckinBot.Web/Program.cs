using CheckinBot.Storage;
using CheckinBot.Teams;
using CheckinBot.Web;
using CheckinBot.Web.Admin;
using CheckinBot.Web.Identity;
using CheckinBot.Web.Observability;
using CheckinBot.Web.Org;

var builder = WebApplication.CreateBuilder(args);

builder.AddCheckinDefaults();
builder.AddCheckinTeams();
builder.AddCheckinAzureIdentity();
builder.AddCheckinTelemetry();
builder.AddCheckinStorage();
builder.AddCheckinOrgDirectory();
builder.AddCheckinBackgroundWork();
builder.AddCheckinAdminAuthentication();

var app = builder.Build();

app.MapCheckinEndpoints();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration and end-to-end tests.</summary>
public partial class Program;
