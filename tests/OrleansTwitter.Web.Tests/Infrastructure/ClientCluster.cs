using System.Globalization;
using Orleans.TestingHost;

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

    /// <summary>The silo that holds <paramref name="grain"/>'s activation now, or null when none does.</summary>
    public static async Task<SiloHandle?> SiloHoldingAsync(TestCluster cluster, IAddressable grain)
    {
        var address = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        return address is null ? null : cluster.GetSiloForAddress(address);
    }
}
