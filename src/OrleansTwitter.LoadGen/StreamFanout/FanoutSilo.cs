using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Redis.Streams;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.LoadGen.StreamFanout;

/// <summary>
/// A silo in this process with the timeline grains, Memory grain storage and one stream
/// provider, plus the authors and followers of the run, registered and active.
/// </summary>
internal sealed class FanoutSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private FanoutSilo(IHost host, IReadOnlyList<IUserGrain> authors)
    {
        _host = host;
        Authors = authors;
    }

    public IReadOnlyList<IUserGrain> Authors { get; }

    /// <param name="redisConnectionString">The Redis provider's server, or null for the Memory provider.</param>
    /// <param name="settings">How many authors and followers to set up.</param>
    /// <param name="cancellationToken">Stops the set-up.</param>
    public static async Task<FanoutSilo> StartAsync(string? redisConnectionString, StreamFanoutSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseActors(silo =>
        {
            silo.Services.AddMemoryGrainStorage(GrainStorageNames.Default);
            silo.AddTimeline();
            if (redisConnectionString is null)
            {
                silo.AddMemoryStreams(StreamProviderNames.Default);
            }
            else
            {
                silo.AddRedisStreams(StreamProviderNames.Default, o =>
                {
                    o.ConnectionString = redisConnectionString;
                    o.ClusterId = "fanout-" + Guid.NewGuid().ToString("N")[..8];
                });
            }
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var authors = Enumerable.Range(0, settings.Authors).Select(i => grains.GetGrain<IUserGrain>($"author{i}")).ToList();
        await Task.WhenAll(authors.Select((a, i) => a.RegisterAsync($"author{i}", null)));
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Followers), cancellationToken, async (i, _) =>
        {
            var follower = grains.GetGrain<IUserGrain>($"fan{i}");
            await follower.RegisterAsync($"fan{i}", null);
            foreach (var author in Enumerable.Range(0, settings.Authors))
            {
                await follower.FollowAsync($"author{author}");
            }

            // Active with a built timeline, so fan-out delivers to it instead of skipping it.
            await follower.GetHomeTimelineAsync(TimelineLimits.DefaultPageSize, null);
        });
        return new FanoutSilo(host, authors);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
