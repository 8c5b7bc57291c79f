using Microsoft.AspNetCore.Connections;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// The Kestrel connection handler of a silo port or a gateway port: each accepted connection
/// becomes a <see cref="Connection"/> that runs until either side closes it.
/// </summary>
internal sealed class FrameConnectionHandler(Func<ConnectionContext, Task> onConnected) : ConnectionHandler
{
    public override Task OnConnectedAsync(ConnectionContext connection) => onConnected(connection);
}
