using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Hosting;
using OrleansTwitter.LoadGen.Processes;

namespace OrleansTwitter.LoadGen.Client;

/// <summary>
/// The Orleans cluster client of the load generator, configured as the web front end's
/// (<see cref="OrleansTwitterClient.AddOrleansTwitterClient"/> with <c>Cluster:Membership=Redis</c>:
/// the gateway list comes from the membership table). It is started once every silo of the
/// set-up is Active in the cluster's view, so no measured call meets a membership change.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MembershipTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MembershipPause = TimeSpan.FromMilliseconds(200);
    private readonly IHost _host;

    private LoadClient(IHost host) => _host = host;

    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<LoadClient> ConnectAsync(RedisServer redis, string clusterId, int silos, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Membership"] = "Redis",
            ["Cluster:ClusterId"] = clusterId,
            ["Redis:ConnectionString"] = redis.ConnectionString,
        });
        builder.AddOrleansTwitterClient();
        var client = new LoadClient(builder.Build());
        try
        {
            await client._host.StartAsync(cancellationToken);
            await client.WaitForActiveSilosAsync(silos, cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await _host.StopAsync(stopping.Token);
        }

        _host.Dispose();
    }

    // Each silo's start ends once it is Active in the membership table; the others learn of it
    // by gossip or their next table read. The management grain answers from the view of the
    // silo it lives on, so this also waits until that silo has learnt of every other.
    private async Task WaitForActiveSilosAsync(int silos, CancellationToken cancellationToken)
    {
        var management = Cluster.GetGrain<IManagementGrain>(0);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(MembershipTimeout);
        var active = 0;
        try
        {
            while (true)
            {
                active = (await management.GetHosts(onlyActive: true, deadline.Token)).Count;
                if (active == silos)
                {
                    return;
                }

                await Task.Delay(MembershipPause, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The cluster listed {active} active silos, not {silos}, for {MembershipTimeout}.");
        }
    }
}
