using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Followers;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Hosting;

/// <summary>
/// Grain state is stored as JSON by the silo's grain storage serializer (System.Text.Json, as
/// every silo is configured). The states a crash can leave half-done must survive it whole.
/// (Messages between silos use Orleans' serializer; see the Contracts tests.)
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class StorageFormatTests(SharedClusterFixture cluster)
{
    [Fact]
    public void Follow_intents_and_follower_journals_round_trip_through_the_silos_storage_serializer()
    {
        var serializer = TimelineClusterFixture.ServicesOf(cluster.Cluster.Primary!).GetRequiredService<IGrainStorageSerializer>();
        var following = new FollowingState
        {
            Accounts = { ["ada"] = new FollowedAccount { Handle = "Ada", Chunk = 4, Intent = FollowIntent.Unfollow, Celebrity = true } },
        };
        var followers = new FollowersState { Count = 9, OpenChunk = 1, Version = 5, InFlight = new FollowerBatch(5, [new FollowerOperation("Bob", 1, true)]) };
        var snapshot = new HomeSnapshotState { Oldest = new TweetId(1), Newest = new TweetId(long.MaxValue), Count = 800 };

        var storedFollowing = serializer.Serialize(following);
        var account = serializer.Deserialize<FollowingState>(storedFollowing)!.Accounts["ada"];
        var batch = serializer.Deserialize<FollowersState>(serializer.Serialize(followers))!.InFlight!;
        var window = serializer.Deserialize<HomeSnapshotState>(serializer.Serialize(snapshot))!;

        Assert.Equal(("Ada", 4, FollowIntent.Unfollow, true, false), (account.Handle, account.Chunk, account.Intent, account.Celebrity, account.Active));
        Assert.Contains("\"Unfollow\"", storedFollowing.ToString(), StringComparison.Ordinal);
        Assert.Equal((5L, new FollowerOperation("Bob", 1, true)), (batch.Version, batch.Operations.Single()));
        Assert.Equal((snapshot.Oldest, snapshot.Newest, 800), (window.Oldest, window.Newest, window.Count));
    }
}
