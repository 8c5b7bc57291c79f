using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>
/// A real Orleans cluster for web front ends in <c>Cluster:Mode=Client</c>: in-process silos
/// (<see cref="TimelineSiloConfigurator"/>) that talk to each other and to clients over loopback
/// TCP, and the settings that make a web front end a client of it.
/// </summary>
internal static class ClientCluster
{
    /// <summary>Starts <paramref name="silos"/> silos; with <paramref name="storagePath"/>, they share File storage there.</summary>
    public static async Task<TestCluster> StartAsync(short silos, string? storagePath = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.GatewayPerSilo = true;
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<TimelineSiloConfigurator>();
        if (storagePath is not null)
        {
            builder.Properties[TimelineSiloConfigurator.StoragePathKey] = storagePath;
        }

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Web settings for a client of <paramref name="cluster"/> through every silo's gateway, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> ClientSettings(TestCluster cluster, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Client",
            ["Cluster:ClusterId"] = cluster.Options.ClusterId,
            ["Cluster:ServiceId"] = cluster.Options.ServiceId,
            ["Cluster:Gateways"] = string.Join(',', cluster.Silos.Select(s => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{s.GatewayAddress.Endpoint.Port}"))),
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The silo that holds the activation of the user grain of <paramref name="handle"/> now, or null when none does.</summary>
    /// <remarks>
    /// Asked from inside the primary silo, not through the test cluster's client: after a kill,
    /// that client can still send to the dead silo's gateway, and such a call waits out its
    /// 30 s response timeout, while the primary knows at once that the silo is dead.
    /// </remarks>
    public static async Task<SiloHandle?> SiloHoldingUserAsync(TestCluster cluster, string handle)
    {
        var grains = ((InProcessSiloHandle)cluster.Primary!).SiloHost.Services.GetRequiredService<IGrainFactory>();
        var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IUserGrain>(Handle.Normalize(handle)));
        return address is null ? null : cluster.GetSiloForAddress(address);
    }
}
