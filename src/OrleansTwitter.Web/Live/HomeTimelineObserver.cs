using System.Threading.Channels;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Live;

/// <summary>
/// The receiving end of one event stream: the user grain calls it (in this process, or through
/// this client's gateway) and it hands the tweet to the stream's writer without waiting.
/// </summary>
internal sealed class HomeTimelineObserver(ChannelWriter<Tweet> writer) : IHomeTimelineObserver
{
    public Task OnTweetAsync(Tweet tweet) =>
        // A full buffer drops the oldest entry (a client that cannot keep up reloads its timeline);
        // only a closed stream refuses, and the failed call makes the grain drop this observer.
        writer.TryWrite(tweet) ? Task.CompletedTask : Task.FromException(new ObjectDisposedException(nameof(HomeTimelineObserver), "The event stream is closed."));
}
