using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// A test cluster's silo whose picked port another process takes before the silo binds it (an
/// outbound connection can get any ephemeral port) starts again on new ports, instead of
/// failing the test that wanted a cluster.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class TestClusterPortTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_silo_whose_gateway_port_was_taken_starts_again_on_new_ports_and_releases_the_port_it_had_bound()
    {
        await using var cluster = await TestCluster.StartAsync(silos: 0);
        using var occupant = Listen(0);
        var taken = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var picked = new List<int>();
        cluster.PickPort = () =>
        {
            // The first attempt's silo port is free and gets bound; its gateway port is taken,
            // so the start fails after a bind, and the retry must let that bound port go.
            var port = picked.Count == 1 ? taken : FreeTcpPort.Next();
            picked.Add(port);
            return port;
        };

        var silo = await cluster.StartAdditionalSiloAsync().WaitAsync(Wait);

        Assert.Equal(4, picked.Count);
        Assert.Equal((picked[2], picked[3]), (silo.Port, silo.GatewayPort));
        using (Listen(picked[0]))
        {
            // Bound again here: the failed attempt released it.
        }

        Assert.Equal(1, await silo.GrainFactory.GetGrain<IClusterProbeGrain>("port-retry").IncrementAsync().WaitAsync(Wait));
        var entries = (await silo.Services.GetRequiredService<IMembershipTable>().ReadAsync(CancellationToken.None)).Entries;
        var entry = Assert.Single(entries);
        Assert.Equal(SiloStatus.Active, entry.Status);
    }

    [Fact]
    public async Task A_silo_whose_every_pick_is_taken_fails_with_the_bind_error_after_a_bounded_number_of_attempts()
    {
        await using var cluster = await TestCluster.StartAsync(silos: 0);
        using var occupant = Listen(0);
        var taken = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var picks = 0;
        cluster.PickPort = () =>
        {
            picks++;
            return taken;
        };

        var failure = await Assert.ThrowsAnyAsync<IOException>(() => cluster.StartAdditionalSiloAsync().WaitAsync(Wait));

        Assert.Contains(taken.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
        Assert.Equal(2 * TestCluster.PortAttempts, picks);
        Assert.Empty(cluster.Silos);
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }
}
