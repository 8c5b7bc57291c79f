using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Timeline;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// Gives the silo's celebrity cache a <see cref="FakeTimeProvider"/> of its own, registered after
/// the timeline's own cache so that it replaces it. Only the cache: Orleans' timers, the tweet
/// ids and the stream agents keep real time.
/// </summary>
internal sealed class CelebrityCacheOnFakeClock : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddSingleton(_ => new FakeTimeProvider(DateTimeOffset.UtcNow));
        siloBuilder.Services.AddSingleton(services => new CelebrityTweetCache(
            CelebrityTweetCache.FromGrains(services.GetRequiredService<IGrainFactory>()),
            services.GetRequiredService<FakeTimeProvider>(),
            services.GetRequiredService<IOptions<TimelineOptions>>()));
    }
}
