
namespace OrleansTwitter.Contracts;

/// <summary>One stored tweet, keyed by its <see cref="TweetId.Value"/>. Use <see cref="ITweetStore"/> to fetch many.</summary>
[Alias("ot.ITweetGrain")]
public interface ITweetGrain : IGrainWithIntegerKey
{
    /// <summary>The tweet, or null when no tweet has this id.</summary>
    [Alias("GetAsync")]
    [SafeToRetry]
    Task<Tweet?> GetAsync();
}
