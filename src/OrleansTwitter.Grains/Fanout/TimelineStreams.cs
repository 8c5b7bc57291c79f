using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Grains.Fanout;

/// <summary>The streams of the timeline domain.</summary>
internal static class TimelineStreams
{
    /// <summary>The namespace of authors' tweet streams; a stream's key is the author's key.</summary>
    public const string TweetsNamespace = "tweets";

    public static StreamId Tweets(string authorKey) => StreamId.Create(TweetsNamespace, authorKey);
}
