using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Testing;

/// <summary>
/// Several silos in this process, talking over real loopback TCP, sharing one in-memory
/// membership table and one grain storage (as silos on several machines share Redis and Blob
/// storage). Silos can join, stop gracefully, or be killed (connections dropped, nothing
/// written, nobody told) while tests run.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly IGrainStorage _storage;
    private readonly Action<ISiloBuilder>? _configure;
    private readonly Action<ClusterMembershipOptions>? _membership;
    private readonly List<TestClusterSilo> _silos = [];
    private readonly Lock _lock = new();

    // How many times a silo is started on new ports when one it picked was taken before it bound.
    internal const int PortAttempts = 5;

    private TestCluster(IMembershipTable table, Action<ISiloBuilder>? configure, Action<ClusterMembershipOptions>? membership)
    {
        _table = table;
        _configure = configure;
        _membership = membership;
        _storage = new MemoryGrainStorage(GrainStorageNames.Default, NullLogger<MemoryGrainStorage>.Instance);
    }

    public IReadOnlyList<TestClusterSilo> Silos
    {
        get
        {
            lock (_lock)
            {
                return [.. _silos];
            }
        }
    }

    public IReadOnlyList<TestClusterSilo> LiveSilos => [.. Silos.Where(s => s.IsAlive)];

    /// <summary>
    /// How long a stopping silo of this cluster keeps refusing stragglers
    /// (<see cref="SiloNetworkOptions.ShutdownLinger"/>): in-process tests do not need the
    /// production linger, and callers still re-route.
    /// </summary>
    public static TimeSpan ShutdownLinger { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The shared grain storage, for tests that inspect what was written.</summary>
    public IGrainStorage Storage => _storage;

    /// <summary>Starts <paramref name="silos"/> silos and waits until each sees all of them active.</summary>
    /// <param name="silos">How many silos to start.</param>
    /// <param name="configure">Extra silo configuration (stream providers, options, services).</param>
    /// <param name="membership">Membership options; with the defaults a killed silo leaves the views in about 1 s.</param>
    /// <param name="table">The membership table; a fresh in-memory one when null.</param>
    public static async Task<TestCluster> StartAsync(int silos = 3, Action<ISiloBuilder>? configure = null, Action<ClusterMembershipOptions>? membership = null, IMembershipTable? table = null)
    {
        var cluster = new TestCluster(table ?? new InMemoryMembershipTable(), configure, membership);
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartAdditionalSiloAsync();
        }

        return cluster;
    }

    /// <summary>
    /// Picks each new silo's loopback ports (<see cref="FreeTcpPort.Next()"/>); tests replace it
    /// to make a pick collide.
    /// </summary>
    internal Func<int> PickPort { get; set; } = FreeTcpPort.Next;

    /// <summary>Starts one more silo and waits until every live silo sees it active.</summary>
    public async Task<TestClusterSilo> StartAdditionalSiloAsync()
    {
        var added = await StartSiloOnFreePortsAsync();
        lock (_lock)
        {
            _silos.Add(added);
        }

        await WaitForActiveSilosAsync(LiveSilos.Count, TimeSpan.FromSeconds(30));
        return added;
    }

    /// <summary>
    /// A port is free when it is picked, not necessarily when the silo binds it: in between, the
    /// kernel can give it to any process's outbound connection, since both come from the
    /// ephemeral range, and loopback-heavy test runs make thousands of those. A silo binds its
    /// ports before it joins the membership table, so one that finds a port taken has
    /// registered nothing and is started again on new ports.
    /// </summary>
    private async Task<TestClusterSilo> StartSiloOnFreePortsAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = PickPort();
            var gatewayPort = PickPort();
            var host = BuildSiloHost(port, gatewayPort);
            try
            {
                await host.StartAsync();
                return new TestClusterSilo(host, port, gatewayPort);
            }
            catch (Exception failure)
            {
                await DisposeAsync(host);
                if (attempt < PortAttempts && IsAddressInUse(failure))
                {
                    continue;
                }

                throw;
            }
        }
    }

    private IHost BuildSiloHost(int port, int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(_table);
        builder.Services.Configure<SiloNetworkOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = port;
            o.GatewayPort = gatewayPort;
            o.ShutdownLinger = ShutdownLinger;
        });
        if (_membership is not null)
        {
            builder.Services.Configure(_membership);
        }

        builder.UseActors(silo =>
        {
            silo.Services.AddKeyedSingleton(GrainStorageNames.Default, _storage);
            _configure?.Invoke(silo);
        });
        return builder.Build();
    }

    private static bool IsAddressInUse(Exception failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    /// <summary>The graceful stop an operator's SIGTERM causes.</summary>
    public async Task StopSiloAsync(TestClusterSilo silo)
    {
        silo.IsAlive = false;
        await silo.Host.StopAsync();
        await DisposeHostAsync(silo.Host);
    }

    /// <summary>A crash: the silo's connections drop and it does nothing more. Peers must find out by themselves.</summary>
    public async Task KillSiloAsync(TestClusterSilo silo)
    {
        silo.IsAlive = false;
        await silo.Silo.KillAsync();
        await silo.Host.StopAsync();
        await DisposeHostAsync(silo.Host);
    }

    /// <summary>Waits until every live silo's view has exactly <paramref name="count"/> active silos.</summary>
    public async Task WaitForActiveSilosAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var silo in LiveSilos)
        {
            var membership = silo.Silo.Cluster!.Membership;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Check(MembershipView view)
            {
                if (view.ActiveSilos.Count == count)
                {
                    reached.TrySetResult();
                }
            }

            membership.ViewChanged += Check;
            try
            {
                Check(membership.View);
                var remaining = deadline - DateTime.UtcNow;
                await reached.Task.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(
                    $"{silo} did not see {count} active silos within {timeout}; it sees {membership.View.ActiveSilos.Count}: {string.Join(", ", membership.View.ActiveSilos)}.");
            }
            finally
            {
                membership.ViewChanged -= Check;
            }
        }
    }

    /// <summary>A cluster client in this process that finds the gateways in the shared membership table.</summary>
    public async Task<ClusterClient> ConnectClientAsync(Action<ClusterClientOptions>? configure = null)
    {
        var options = new ClusterClientOptions { GatewayRefreshPeriod = TimeSpan.FromMilliseconds(500) };
        configure?.Invoke(options);
        var client = new ClusterClient(options, _table, new Messaging.MessagingOptions(), EmptyServices.Instance, TimeProvider.System, NullLoggerFactory.Instance, []);
        await client.ConnectAsync(CancellationToken.None);
        return client;
    }

    /// <summary>The live silos that hold an activation of <paramref name="grain"/>.</summary>
    public IReadOnlyList<TestClusterSilo> SilosHosting(GrainId grain) => [.. LiveSilos.Where(s => s.Silo.HasActivation(grain))];

    public async ValueTask DisposeAsync() => await Task.WhenAll(LiveSilos.Select(StopSiloAsync));

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
