using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Persistence;
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
    // The cluster first: its hosted service starts before Data Protection reads the key ring from it.
    builder.AddClusterFromConfiguration();
}
catch (InvalidOperationException configurationProblem)
{
    return ConfigurationError(configurationProblem.Message);
}

builder.AddWebFrontEnd();
var app = builder.Build();
app.UseWebFrontEnd();
try
{
    await app.RunAsync();
}
catch (OptionsValidationException invalid)
{
    return ConfigurationError(invalid.Message);
}
catch (GrainStorageException unavailable)
{
    Console.Error.WriteLine($"OrleansTwitter.Web: grain storage is unavailable: {unavailable.Message}");
    return 3;
}

return 0;

// Exit code 2 is "bad configuration": the operator must change something, a restart will not help.
static int ConfigurationError(string message)
{
    Console.Error.WriteLine($"OrleansTwitter.Web: invalid configuration: {message}");
    return 2;
}
