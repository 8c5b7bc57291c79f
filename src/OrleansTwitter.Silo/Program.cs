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
// turns ShuttingDown (readiness fails), and its grains deactivate to move elsewhere. The HTTP
// port starts beside the silo rather than after it, and stops after it (SiloStopsFirst), so
// /health/ready answers 503 while the silo joins or leaves instead of refusing connections.
builder.Services.Configure<HostOptions>(o =>
{
    o.ShutdownTimeout = TimeSpan.FromSeconds(45);
    o.ServicesStartConcurrently = true;
});
builder.Services.AddHostedService<SiloStopsFirst>();
builder.Services.AddHealthChecks().AddCheck<SiloReadinessHealthCheck>("silo", tags: ["ready"]);
builder.Services.AddSiloTelemetry();

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapOrleansDashboard(routePrefix: "/dashboard");
// Taken now: a failed start disposes the services it comes from.
var lifetime = app.Lifetime;
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
catch (Exception stoppedWhileStarting) when (lifetime.ApplicationStopping.IsCancellationRequested && IsCancellation(stoppedWhileStarting))
{
    // SIGTERM before the silo had started: it stopped as asked, with nothing to hand over.
    Console.WriteLine("OrleansTwitter.Silo: stopped while starting.");
}

return 0;

static int Fail(string message, int exitCode)
{
    Console.Error.WriteLine($"OrleansTwitter.Silo: {(exitCode == OperatorConfigurationException.ExitCode ? "invalid configuration" : "cannot start")}: {message}");
    return exitCode;
}

// A start cut short by a stop fails with cancellations, one per hosted service still starting.
static bool IsCancellation(Exception exception) => exception is AggregateException all
    ? all.InnerExceptions.All(IsCancellation)
    : exception is OperationCanceledException or OrleansLifecycleCanceledException;
