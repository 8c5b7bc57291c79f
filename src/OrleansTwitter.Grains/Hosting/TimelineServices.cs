using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Grains.Delivery;
using OrleansTwitter.Grains.Timeline;
using OrleansTwitter.Grains.Tweets;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>
/// The silo-wide services a user grain needs, in one object: every active user holds one
/// reference instead of eight, which counts when a silo holds a million of them.
/// </summary>
internal sealed class TimelineServices(
    IOptions<TimelineOptions> options,
    TweetIdGenerator ids,
    CelebrityTweetCache celebrities,
    TweetRecords records,
    TweetStore store,
    ActiveTimelines timelines,
    TimeProvider timeProvider,
    ILogger<UserGrain> logger)
{
    public TimelineOptions Options { get; } = options.Value;

    public TweetIdGenerator Ids { get; } = ids;

    public CelebrityTweetCache Celebrities { get; } = celebrities;

    public TweetRecords Records { get; } = records;

    public TweetStore Store { get; } = store;

    public ActiveTimelines Timelines { get; } = timelines;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger<UserGrain> Logger { get; } = logger;
}
