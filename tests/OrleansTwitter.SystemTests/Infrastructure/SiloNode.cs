using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>A silo process of a <see cref="SiloProcessCluster"/> and its ports.</summary>
internal sealed record SiloNode(ChildProcess Process, SiloPorts Ports)
{
    public string Name => Process.Name;

    /// <summary>True when Orleans' <paramref name="siloAddress"/> (<c>127.0.0.1:port@generation</c>) is this silo.</summary>
    public bool Is(SiloAddress siloAddress) => siloAddress.Endpoint.Port == Ports.Port;

    public override string ToString() => $"{Name} ({Ports.Endpoint})";
}
