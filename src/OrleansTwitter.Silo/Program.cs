using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using OrleansTwitter.Hosting;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Health;
using OrleansTwitter.Silo;

// appsettings.json ships beside the binary; relative data paths still resolve from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
try
{
    var endpoint = SiloSettings.From(builder.Configuration);

    // The HTTP port serves operations only (health, metrics, dashboard); grains use the silo ports.
    builder.WebHost.UseUrls($"http://{endpoint.Host}:{endpoint.HttpPort}");
    if (await StartupChecks.RunAsync(builder.Configuration) is { } report)
    {
        Console.WriteLine($"OrleansTwitter.Silo: {report}");
    }

    builder.AddOrleansTwitterSilo(configureSilo: silo => silo.AddDashboard());
}
catch (OperatorConfigurationException invalid)
{
    return Fail(invalid.Message, OperatorConfigurationException.ExitCode);
}
catch (DependencyUnavailableException unavailable)
{
    return Fail(unavailable.Message, DependencyUnavailableException.ExitCode);
}

// SIGTERM stops the host, which runs Orleans' graceful shutdown: the gateway closes, the silo
// turns ShuttingDown (readiness fails), and its grains deactivate to move elsewhere.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
builder.Services.AddHealthChecks().AddCheck<SiloReadinessHealthCheck>("silo", tags: ["ready"]);
builder.Services.AddSiloTelemetry();

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapOrleansDashboard(routePrefix: "/dashboard");
try
{
    await app.RunAsync();
}
catch (OptionsValidationException invalid)
{
    // Options are validated as the host starts (ValidateOnStart): Timeline:*, Orleans:*.
    return Fail(invalid.Message, OperatorConfigurationException.ExitCode);
}
catch (OrleansConfigurationException invalid)
{
    return Fail(invalid.Message, OperatorConfigurationException.ExitCode);
}

return 0;

static int Fail(string message, int exitCode)
{
    Console.Error.WriteLine($"OrleansTwitter.Silo: {(exitCode == OperatorConfigurationException.ExitCode ? "invalid configuration" : "cannot start")}: {message}");
    return exitCode;
}
