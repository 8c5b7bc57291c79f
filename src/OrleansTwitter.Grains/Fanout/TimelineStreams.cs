
namespace OrleansTwitter.Grains.Fanout;

/// <summary>The streams of the timeline domain.</summary>
internal static class TimelineStreams
{
    /// <summary>The stream provider the silo registers (Memory or Azure Queue, by <c>Streams:Provider</c>).</summary>
    public const string ProviderName = "Default";

    /// <summary>The namespace of authors' tweet streams; a stream's key is the author's key.</summary>
    public const string TweetsNamespace = "tweets";

    public static StreamId Tweets(string authorKey) => StreamId.Create(TweetsNamespace, authorKey);
}
