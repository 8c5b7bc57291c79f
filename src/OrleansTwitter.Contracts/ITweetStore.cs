namespace OrleansTwitter.Contracts;

/// <summary>
/// Fetches stored tweets by id, in batches, through a per-process cache of their (immutable)
/// bodies. Registered by the silo's timeline set-up.
/// </summary>
public interface ITweetStore
{
    /// <summary>The tweet, or null when no tweet has this id.</summary>
    Task<Tweet?> GetAsync(TweetId id);

    /// <summary>The tweets that exist among <paramref name="ids"/>, in the order asked for; missing ids are left out.</summary>
    Task<IReadOnlyList<Tweet>> GetManyAsync(IReadOnlyCollection<TweetId> ids);
}
