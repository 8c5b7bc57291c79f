using System.Globalization;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Redis.Membership;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>A cluster client in the test process, as the web tier runs one, on static gateways.</summary>
internal static class ClusterClientHost
{
    public static async Task<IHost> StartAsync(IEnumerable<int> gatewayPorts)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseActorsClient(o => o.Gateways = [.. gatewayPorts.Select(p => "127.0.0.1:" + p.ToString(CultureInfo.InvariantCulture))]);
        return await StartAsync(builder);
    }

    /// <summary>
    /// A client that finds the gateways in the cluster's Redis membership table, as the web tier
    /// in <c>Cluster:Mode=Client</c> with <c>Cluster:Membership=Redis</c> does: it follows silos
    /// that join after it started.
    /// </summary>
    public static async Task<IHost> StartWithRedisMembershipAsync(string redisConnectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddRedisMembershipTable(o =>
        {
            o.ConnectionString = redisConnectionString;
            o.ClusterId = clusterId;
        });
        builder.UseActorsClient();
        return await StartAsync(builder);
    }

    private static async Task<IHost> StartAsync(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
