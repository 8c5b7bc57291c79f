using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Dashboard;
using OrleansTwitter.Hosting;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Health;
using OrleansTwitter.Hosting.Telemetry;
using OrleansTwitter.Silo;

// How the process names itself in the lines it writes on start-up and exit.
const string Name = "OrleansTwitter.Silo";

// appsettings.json ships beside the binary; relative data paths still resolve from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var configured = await HostExit.ConfigureAsync(Name, async () =>
{
    var endpoint = SiloSettings.From(builder.Configuration);

    // The HTTP port serves operations only (health, metrics, dashboard); grains use the silo ports.
    builder.WebHost.UseUrls($"http://{endpoint.Host}:{endpoint.HttpPort}");
    if (await StartupChecks.RunAsync(builder.Configuration) is { } report)
    {
        Console.WriteLine($"{Name}: {report}");
    }

    builder.AddOrleansTwitterSilo(configureSilo: silo => silo.AddDashboard());
});
if (configured is { } exitCode)
{
    return exitCode;
}

// SIGTERM stops the host, which runs Orleans' graceful shutdown: the gateway closes, the silo
// turns ShuttingDown (readiness fails), and its grains deactivate to move elsewhere. The HTTP
// port starts beside the silo rather than after it, and stops after it (SiloStopsFirst), so
// /health/ready answers 503 while the silo joins or leaves instead of refusing connections.
builder.Services.Configure<HostOptions>(o =>
{
    o.ShutdownTimeout = HostShutdown.Timeout;
    o.ServicesStartConcurrently = true;
});
builder.Services.AddHostedService<SiloStopsFirst>();
builder.Services.AddHealthChecks().AddCheck<SiloReadinessHealthCheck>("silo", tags: ["ready"]);
builder.AddOrleansTwitterTelemetry("orleanstwitter-silo");

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapOrleansDashboard(routePrefix: "/dashboard");
return await HostExit.RunAsync(Name, app);
