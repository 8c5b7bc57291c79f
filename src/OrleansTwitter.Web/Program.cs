using Microsoft.Extensions.Options;
using OrleansTwitter.Hosting;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Web.Cluster;
using OrleansTwitter.Web.Hosting;

// appsettings.json and the page (wwwroot) ship beside the binary, so `dotnet run` works from any
// directory; relative data paths (Storage:Path) still resolve from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (WebFrontEnd.HasNoUrls(builder.Configuration))
{
    builder.WebHost.UseUrls(WebFrontEnd.DefaultUrl);
}

// SIGTERM stops the host, which runs the embedded silo's graceful shutdown; leave it room to finish.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
try
{
    var client = ClusterSettings.From(builder.Configuration).IsClient;
    if (await StartupChecks.RunAsync(builder.Configuration, client) is { } report)
    {
        Console.WriteLine($"OrleansTwitter.Web: {report}");
    }

    // The cluster first: its hosted service starts before Data Protection reads the key ring from it.
    builder.AddClusterFromConfiguration();
}
catch (OperatorConfigurationException invalid)
{
    return Fail(invalid.Message, OperatorConfigurationException.ExitCode);
}
catch (DependencyUnavailableException unavailable)
{
    return Fail(unavailable.Message, DependencyUnavailableException.ExitCode);
}

builder.AddWebFrontEnd();
var app = builder.Build();
app.UseWebFrontEnd();
// Taken now: a failed start disposes the services it comes from.
var lifetime = app.Lifetime;
try
{
    await app.RunAsync();
}
catch (OptionsValidationException invalid)
{
    return Fail(invalid.Message, OperatorConfigurationException.ExitCode);
}
catch (OrleansConfigurationException invalid)
{
    return Fail(invalid.Message, OperatorConfigurationException.ExitCode);
}
catch (Exception stoppedWhileStarting) when (lifetime.ApplicationStopping.IsCancellationRequested && IsCancellation(stoppedWhileStarting))
{
    // SIGTERM before the silo had started: it stopped as asked, with nothing to hand over.
    Console.WriteLine("OrleansTwitter.Web: stopped while starting.");
}

return 0;

static int Fail(string message, int exitCode)
{
    Console.Error.WriteLine($"OrleansTwitter.Web: {(exitCode == OperatorConfigurationException.ExitCode ? "invalid configuration" : "cannot start")}: {message}");
    return exitCode;
}

// A start cut short by a stop fails with cancellations, one per hosted service still starting.
static bool IsCancellation(Exception exception) => exception is AggregateException all
    ? all.InnerExceptions.All(IsCancellation)
    : exception is OperationCanceledException or OrleansLifecycleCanceledException;
