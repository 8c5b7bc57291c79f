using System.Net;
using System.Net.Sockets;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// The free-port picker every server the tests start relies on: it picks below the range of
/// outbound connections' ports, and never a port someone listens on.
/// </summary>
public sealed class FreeTcpPortTests
{
    [Fact]
    public void A_picked_port_is_below_the_outbound_range_and_can_be_listened_on()
    {
        var port = FreeTcpPort.Next();

        Assert.InRange(port, FreeTcpPort.FirstPort, FreeTcpPort.LastPort);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    [Fact]
    public void A_candidate_someone_listens_on_is_passed_over_for_the_next()
    {
        using var taken = new TcpListener(IPAddress.Loopback, FreeTcpPort.Next());
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        var freePort = FreeTcpPort.Next();
        var candidates = new Queue<int>([takenPort, freePort]);

        Assert.Equal(freePort, FreeTcpPort.Next(candidates.Dequeue));
        Assert.Empty(candidates);
    }

    [Fact]
    public void When_every_candidate_is_taken_the_system_picks_a_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, FreeTcpPort.Next());
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        var asked = 0;

        var port = FreeTcpPort.Next(() =>
        {
            asked++;
            return takenPort;
        });

        Assert.Equal(FreeTcpPort.Attempts, asked);
        Assert.NotEqual(takenPort, port);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }
}
