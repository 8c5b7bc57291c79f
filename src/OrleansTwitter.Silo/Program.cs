using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Diagnostics.Metrics;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Silo;

// appsettings.json ships beside the binary; relative data paths still resolve from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

var endpoint = builder.Configuration.GetSection(SiloEndpointSettings.SectionName).Get<SiloEndpointSettings>() ?? new SiloEndpointSettings();
var problems = endpoint.Validate().ToList();
if (problems.Count > 0)
{
    return ConfigurationError(string.Join(" ", problems));
}

// The HTTP port serves operations only (health and metrics); grains talk over the silo ports.
builder.WebHost.UseUrls($"http://{endpoint.Host}:{endpoint.HttpPort}");
// SIGTERM stops the host, which runs the silo's graceful shutdown; leave it room to finish.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
try
{
    SiloClustering.Configure(builder, endpoint);
    builder.UseActors(silo => silo.AddStreamsFromConfiguration().AddTimeline().AddGrainStorageFromConfiguration(SiloStorageProviders.Additional));
}
catch (InvalidOperationException configurationProblem)
{
    return ConfigurationError(configurationProblem.Message);
}

builder.Services.AddHealthChecks().AddCheck<SiloReadinessHealthCheck>("silo", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

// Collects from start-up on, so the first scrape already has the silo's whole history. Beside
// our meters, .NET's own "System.Runtime" meter: GC, thread pool, CPU and memory, which an
// operator reads first when the silo's latency moves.
using var metrics = new MetricsCollector("OrleansTwitter", "System.Runtime");
app.MapGet("/metrics", () => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));
try
{
    await app.RunAsync();
}
catch (OptionsValidationException invalid)
{
    // Options are validated as the host starts (ValidateOnStart), after this file's own checks.
    return ConfigurationError(invalid.Message);
}
catch (GrainStorageException unavailable)
{
    // A storage provider's start-up check failed (an account that cannot be reached or rejects us).
    Console.Error.WriteLine($"OrleansTwitter.Silo: grain storage is unavailable: {unavailable.Message}");
    return 3;
}

return 0;

// Exit code 2 is "bad configuration": the operator must change something, a restart will not help.
static int ConfigurationError(string message)
{
    Console.Error.WriteLine($"OrleansTwitter.Silo: invalid configuration: {message}");
    return 2;
}
