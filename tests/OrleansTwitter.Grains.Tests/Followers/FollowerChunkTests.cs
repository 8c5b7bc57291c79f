using System.Text.Json;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Followers;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Followers;

/// <summary>Followers are chunked, so no single state write grows with the follower count.</summary>
[Collection(SharedCluster.Name)]
public sealed class FollowerChunkTests(SharedClusterFixture cluster)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_million_followers_are_a_thousand_chunks_and_the_followees_own_state_stays_a_few_numbers()
    {
        var state = new InMemoryState<FollowersState>();
        var book = new FollowerBook(state, "million", null!, new TimelineOptions(), (_, _) => Task.CompletedTask, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var sizeWithOne = 0;
        var perChunk = new int[1_000];
        for (var follower = 0; follower < 1_000_000; follower++)
        {
            perChunk[book.Reserve()]++;
            if (follower == 0)
            {
                sizeWithOne = JsonSerializer.SerializeToUtf8Bytes(state.State, Json).Length;
            }
        }

        state.State.Count = 1_000_000;
        var sizeWithMillion = JsonSerializer.SerializeToUtf8Bytes(state.State, Json).Length;

        Assert.Equal(1_000, book.ChunkCount);
        Assert.All(perChunk, n => Assert.Equal(TimelineLimits.FollowerChunkSize, n));
        Assert.True(sizeWithMillion < sizeWithOne + 16, $"{sizeWithMillion} bytes with a million followers, {sizeWithOne} with one");
    }

    [Fact]
    public async Task Real_follows_fill_chunks_of_a_thousand_and_every_state_write_stays_bounded()
    {
        var star = await cluster.RegisterAsync("chStar");
        var fans = await cluster.RegisterManyAsync("chFan", 2_500);
        await fans[0].FollowAsync("chStar");
        var followersWithOne = (await cluster.ReadRawStateAsync(UserGrain.GrainTypeName, "chstar", FollowersState.Name))!.Value.GetRawText().Length;

        await TimelineClusterFixture.InBatchesAsync(fans.Length - 1, i => fans[i + 1].FollowAsync("chStar"));

        Assert.Equal(2_500, (await star.GetProfileAsync()).Followers);
        var followers = (await cluster.ReadRawStateAsync(UserGrain.GrainTypeName, "chstar", FollowersState.Name))!.Value.GetRawText().Length;
        Assert.True(followers < followersWithOne + 16, $"the followee's state is {followers} bytes with 2,500 followers and {followersWithOne} with one");
        var chunkSizes = new List<int>();
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var stored = await cluster.ReadRawStateAsync(FollowerChunkGrain.GrainTypeName, FollowerChunkGrain.KeyOf("chstar", chunk), FollowerChunkState.Name);
            chunkSizes.Add(stored!.Value.GetProperty(nameof(FollowerChunkState.Members)).GetArrayLength());
        }

        Assert.Equal([1_000, 1_000, 500], chunkSizes);
        Assert.Null(await cluster.ReadRawStateAsync(FollowerChunkGrain.GrainTypeName, FollowerChunkGrain.KeyOf("chstar", 3), FollowerChunkState.Name));
    }

    private sealed class InMemoryState<T> : IPersistentState<T>
        where T : new()
    {
        public T State { get; set; } = new();

        public string? Etag => null;

        public bool RecordExists => false;

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task WriteStateAsync() => Task.CompletedTask;

        public Task ClearStateAsync() => Task.CompletedTask;
    }
}
