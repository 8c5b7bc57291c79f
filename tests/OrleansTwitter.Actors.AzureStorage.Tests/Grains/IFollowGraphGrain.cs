using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Grains;

/// <summary>
/// A user-shaped test grain: the accounts it follows and its own tweet ids, persisted. It stands
/// in for the timeline domain's UserGrain in this project's tests.
/// </summary>
public interface IFollowGraphGrain : IGrainWithStringKey
{
    /// <summary>Follows <paramref name="handle"/> (idempotent) and writes the state.</summary>
    Task FollowAsync(string handle);

    /// <summary>Records a tweet id of this user and writes the state.</summary>
    Task PostAsync(long tweetId);

    Task<FollowGraphSnapshot> GetAsync();
}
