using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Timeline.Benchmarks.Infrastructure;

/// <summary>
/// An Orleans silo in this process, a cluster of one on loopback, with the timeline domain,
/// Memory streams (implicit subscriptions only, as the silo host configures them) and Memory
/// storage (or <see cref="DiscardingGrainStorage"/>). Calls go through the silo's own grain
/// factory: in-silo calls, no network.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a silo; <paramref name="configure"/> adjusts the timeline options (e.g. the pull per followee).</summary>
    public static async Task<BenchSilo> StartAsync(Action<TimelineOptions>? configure = null, bool discardingStorage = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreeTcpPort.Next(), gatewayPort: 0);
            if (discardingStorage)
            {
                // Keyed for the timeline's tweet writes, unkeyed for grains' [PersistentState] without
                // a storage name, as AddMemoryGrainStorageAsDefault registers its provider.
                silo.Services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, new DiscardingGrainStorage());
                silo.Services.AddSingleton(sp => sp.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
            }
            else
            {
                silo.AddMemoryGrainStorageAsDefault();
            }

            silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME);
            silo.AddMemoryStreams(TimelineStreams.ProviderName, c => c.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddTimeline(configure: configure);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await _host.StopAsync(stopping.Token);
        }

        _host.Dispose();
    }

    /// <summary>Activations in the silo (every grain type, system grains included).</summary>
    public Task<int> ActivationCountAsync() => GrainFactory.GetGrain<IManagementGrain>(0).GetTotalActivationCount();

    public async Task<IUserGrain> RegisterAsync(string handle)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(Handle.Normalize(handle));
        await user.RegisterAsync(handle, null);
        return user;
    }

    /// <summary>Registers <paramref name="count"/> users, a few hundred at a time (setup, not measured).</summary>
    public async Task<IUserGrain[]> RegisterManyAsync(string prefix, int count)
    {
        var users = new IUserGrain[count];
        foreach (var batch in Enumerable.Range(0, count).Chunk(500))
        {
            await Task.WhenAll(batch.Select(async i => users[i] = await RegisterAsync($"{prefix}{i}")));
        }

        return users;
    }

    /// <summary>Has every user follow <paramref name="followee"/>, a few hundred at a time.</summary>
    public static async Task FollowAllAsync(IEnumerable<IUserGrain> users, string followee)
    {
        foreach (var batch in users.Chunk(500))
        {
            await Task.WhenAll(batch.Select(u => u.FollowAsync(followee)));
        }
    }
}
