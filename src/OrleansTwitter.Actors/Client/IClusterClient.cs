using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Client;

/// <summary>
/// The entry point to the cluster from outside grains (a web front end, a test). In a silo's
/// own process it calls the local silo directly; a remote client connects to gateways.
/// </summary>
public interface IClusterClient : IGrainFactory
{
    IServiceProvider ServiceProvider { get; }
}
