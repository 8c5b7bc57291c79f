using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Hosting;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// An Orleans cluster client in the test process, set up from the operator contract as the web
/// front end in <c>Cluster:Mode=Client</c> sets up its own: to look at the cluster (membership
/// views, where a grain lives) or to drive grains directly.
/// </summary>
internal sealed class ClusterClientHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly IHost _host;

    private ClusterClientHost(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>A client of the one gateway at <paramref name="gatewayPort"/> (<c>Cluster:Gateways</c>).</summary>
    public static Task<ClusterClientHost> StartAsync(int gatewayPort, string clusterId = "dev") => StartAsync(new Dictionary<string, string?>
    {
        ["Cluster:ClusterId"] = clusterId,
        ["Cluster:Membership"] = "InMemory",
        ["Cluster:Gateways"] = $"127.0.0.1:{gatewayPort}",
    });

    /// <summary>A client that finds the gateways in the cluster's Redis membership table, and follows silos that join later.</summary>
    public static Task<ClusterClientHost> StartWithRedisMembershipAsync(string redisConnectionString, string clusterId) => StartAsync(new Dictionary<string, string?>
    {
        ["Cluster:ClusterId"] = clusterId,
        ["Cluster:Membership"] = "Redis",
        ["Redis:ConnectionString"] = redisConnectionString,
    });

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static async Task<ClusterClientHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOrleansTwitterClient();
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterClientHost(host);
    }
}
