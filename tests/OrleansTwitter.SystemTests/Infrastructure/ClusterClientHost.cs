using System.Globalization;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Actors.Client;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>A cluster client in the test process, as the web tier runs one, on static gateways.</summary>
internal static class ClusterClientHost
{
    public static async Task<IHost> StartAsync(IEnumerable<int> gatewayPorts)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseActorsClient(o => o.Gateways = [.. gatewayPorts.Select(p => "127.0.0.1:" + p.ToString(CultureInfo.InvariantCulture))]);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
