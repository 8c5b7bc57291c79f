using OrleansTwitter.Hosting;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Telemetry;
using OrleansTwitter.Web.Cluster;
using OrleansTwitter.Web.Hosting;

// How the process names itself in the lines it writes on start-up and exit.
const string Name = "OrleansTwitter.Web";

// appsettings.json and the page (wwwroot) ship beside the binary, so `dotnet run` works from any
// directory; relative data paths (Storage:Path) still resolve from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (WebFrontEnd.HasNoUrls(builder.Configuration))
{
    builder.WebHost.UseUrls(WebFrontEnd.DefaultUrl);
}

// SIGTERM stops the host, which runs the embedded silo's graceful shutdown; leave it room to finish.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = HostShutdown.Timeout);
var configured = await HostExit.ConfigureAsync(Name, async () =>
{
    var client = ClusterSettings.From(builder.Configuration).IsClient;
    if (await StartupChecks.RunAsync(builder.Configuration, client) is { } report)
    {
        Console.WriteLine($"{Name}: {report}");
    }

    // The cluster first: its hosted service starts before Data Protection reads the key ring from it.
    builder.AddClusterFromConfiguration();
});
if (configured is { } exitCode)
{
    return exitCode;
}

builder.AddWebFrontEnd();
builder.AddOrleansTwitterTelemetry("orleanstwitter-web");
var app = builder.Build();
app.UseWebFrontEnd();
// Prometheus scrapes here (k8s/monitoring); keep the path off a public ingress.
app.MapPrometheusScrapingEndpoint("/metrics");
return await HostExit.RunAsync(Name, app);
