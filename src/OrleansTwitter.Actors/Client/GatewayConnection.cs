using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Client;

/// <summary>A client's connection to one gateway, and whether new calls may still go there.</summary>
internal sealed class GatewayConnection(string endpoint, Membership.SiloAddress address, Connection connection)
{
    public string Endpoint { get; } = endpoint;

    /// <summary>The endpoint as a pseudo silo address (generation 0), parsed once: every call sent here records it.</summary>
    public Membership.SiloAddress Address { get; } = address;

    public Connection Connection { get; } = connection;

    /// <summary>Set when the gateway said goodbye: calls in flight finish, new ones go elsewhere.</summary>
    public bool IsDraining { get; set; }

    public bool IsUsable => !IsDraining && !Connection.IsClosed;

    /// <summary>The gateway silo's address, from its manifest: observers made here are reached through it.</summary>
    public Membership.SiloAddress? Silo { get; set; }
}
