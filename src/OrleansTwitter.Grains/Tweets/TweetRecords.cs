using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// Writes a new tweet as the persisted state of its <see cref="TweetGrain"/>, through the same
/// grain storage provider the grain reads, without activating the grain.
/// </summary>
/// <remarks>
/// A post would otherwise activate one grain per tweet, which idles in memory for the
/// collection age: millions of activations at Twitter's post rate. The write is create-only
/// (no ETag: every provider refuses it when the record exists), and tweets are immutable, so
/// it cannot race the grain, which never writes.
/// </remarks>
internal sealed class TweetRecords(IServiceProvider services)
{
    private readonly IGrainStorage _storage = services.GetKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
        ?? throw new InvalidOperationException(
            $"The timeline stores tweets in the '{ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME}' grain storage provider, and none is registered. " +
            "Register a default grain storage (the silo's Storage:Provider setting does).");

    /// <summary>Stores <paramref name="tweet"/>; false when a tweet with its id is stored already.</summary>
    public async Task<bool> TryCreateAsync(Tweet tweet)
    {
        var record = new GrainState<TweetState>(new TweetState { Tweet = tweet });
        try
        {
            await _storage.WriteStateAsync(TweetState.Name, TweetGrain.IdOf(tweet.Id), record);
            return true;
        }
        catch (InconsistentStateException)
        {
            // The record exists: a retried post of the same id. Tweets never change, so it is this one.
            return false;
        }
    }
}
