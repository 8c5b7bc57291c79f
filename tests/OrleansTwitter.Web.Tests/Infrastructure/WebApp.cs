using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>
/// The web front end in memory: by default an embedded silo with Memory storage, served by a test
/// server. Settings are operator keys (<c>Web:PostRateLimit:Burst</c>, ...), as on the command line.
/// </summary>
public class WebApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public WebApp()
        : this(new Dictionary<string, string?>())
    {
    }

    protected WebApp(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>The app's log events (Information and above).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>A web app with these settings on top of the defaults.</summary>
    public static WebApp With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    /// <summary>A client with <paramref name="accessToken"/> as its bearer token.</summary>
    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Memory");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}
