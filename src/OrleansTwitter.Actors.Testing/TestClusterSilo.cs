using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>: its own host, ports and services.</summary>
public sealed class TestClusterSilo
{
    internal TestClusterSilo(IHost host, int port, int gatewayPort)
    {
        Host = host;
        Silo = host.Services.GetRequiredService<Silo>();
        Port = port;
        GatewayPort = gatewayPort;
    }

    public Silo Silo { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>References made here route through this silo, as calls from its grains do.</summary>
    public IGrainFactory GrainFactory => Silo.GrainFactory;

    public SiloAddress Address => Silo.Address ?? throw new InvalidOperationException("A cluster silo is always networked.");

    public int Port { get; }

    public int GatewayPort { get; }

    /// <summary>False once it was stopped or killed.</summary>
    public bool IsAlive { get; internal set; } = true;

    internal IHost Host { get; }

    public override string ToString() => Address.ToString();
}
