
namespace OrleansTwitter.Contracts;

/// <summary>
/// Receives a user's new home-timeline entries as they arrive: the user's own posts and the
/// tweets delivered from the accounts it follows (a celebrity's tweets are merged on read, so
/// they do not arrive here). The web front end holds one per live stream
/// (<c>GET /api/timeline/stream</c>) and passes a reference to <see cref="IUserGrain.SubscribeAsync"/>.
/// </summary>
[Alias("ot.IHomeTimelineObserver")]
public interface IHomeTimelineObserver : IGrainObserver
{
    /// <summary>A tweet joined the home timeline. It should return quickly: the grain does not wait for it.</summary>
    [Alias("OnTweetAsync")]
    Task OnTweetAsync(Tweet tweet);
}
