using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Followers;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Users;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// Crashes between the two grains' writes of a follow, staged by writing into storage what the
/// crash would have left there, before the grain concerned first activates.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class FollowRepairTests(SharedClusterFixture cluster)
{
    private static readonly DateTimeOffset Registered = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private Task WriteUserAsync(string handle, FollowingState? following = null, FollowersState? followers = null) =>
        Task.WhenAll(
            cluster.WriteStateAsync(UserGrain.GrainTypeName, Handle.ToKey(handle), ProfileState.Name, new ProfileState { Handle = handle, DisplayName = handle, CreatedAt = Registered }),
            following is null ? Task.CompletedTask : cluster.WriteStateAsync(UserGrain.GrainTypeName, Handle.ToKey(handle), FollowingState.Name, following),
            followers is null ? Task.CompletedTask : cluster.WriteStateAsync(UserGrain.GrainTypeName, Handle.ToKey(handle), FollowersState.Name, followers));

    private static FollowingState Following(string followee, int chunk, FollowIntent intent) => new()
    {
        Accounts = { [Handle.ToKey(followee)] = new FollowedAccount { Handle = followee, Chunk = chunk, Intent = intent } },
    };

    [Fact]
    public async Task A_crash_after_the_follower_recorded_its_follow_and_before_the_followee_added_it_is_repaired_when_the_follower_activates()
    {
        var star = await cluster.RegisterAsync("rpStar");
        await WriteUserAsync("rpFan", Following("rpStar", 0, FollowIntent.Follow));

        var following = await cluster.User("rpFan").GetFollowingAsync(null, 10);

        Assert.Equal(["rpStar"], following.Items);
        Assert.Equal(1, (await star.GetProfileAsync()).Followers);
        Assert.Equal(["rpFan"], (await star.GetFollowersAsync(null, 10)).Items);
    }

    [Fact]
    public async Task A_crash_after_the_followee_added_the_follower_is_repaired_without_counting_it_twice()
    {
        var star = await cluster.RegisterAsync("rpStar2");
        var followee = cluster.Grains.GetGrain<IFolloweeGrain>("rpstar2");
        var place = await followee.ReserveFollowerPlaceAsync();
        await followee.AddFollowerAsync("rpFan2", place.Chunk);
        await WriteUserAsync("rpFan2", Following("rpStar2", place.Chunk, FollowIntent.Follow));

        var profile = await cluster.User("rpFan2").GetProfileAsync();

        Assert.Equal(1, profile.Following);
        Assert.Equal(1, (await star.GetProfileAsync()).Followers);
        Assert.Equal(["rpFan2"], (await star.GetFollowersAsync(null, 10)).Items);
    }

    [Fact]
    public async Task An_unfollow_a_crash_interrupted_is_finished_when_the_follower_activates()
    {
        var star = await cluster.RegisterAsync("rpStar3");
        var followee = cluster.Grains.GetGrain<IFolloweeGrain>("rpstar3");
        var place = await followee.ReserveFollowerPlaceAsync();
        await followee.AddFollowerAsync("rpFan3", place.Chunk);
        await WriteUserAsync("rpFan3", Following("rpStar3", place.Chunk, FollowIntent.Unfollow));

        Assert.Empty((await cluster.User("rpFan3").GetFollowingAsync(null, 10)).Items);
        Assert.Equal(0, (await star.GetProfileAsync()).Followers);
        Assert.Empty((await star.GetFollowersAsync(null, 10)).Items);
    }

    [Fact]
    public async Task A_repair_also_runs_by_itself_right_after_activation()
    {
        var star = await cluster.RegisterAsync("rpStar4");
        await WriteUserAsync("rpFan4", Following("rpStar4", 0, FollowIntent.Follow));

        // A delivery activates the follower without any follow query.
        await cluster.Grains.GetGrain<ITimelineSubscriberGrain>("rpfan4").CelebrityChangedAsync("rpstar4", false);

        await Eventually.WaitAsync(async () => (await star.GetProfileAsync()).Followers == 1, "the follower's activation to finish its pending follow");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_followee_crash_between_its_journal_and_the_chunk_is_finished_and_counted_once(bool chunkWritten)
    {
        var starKey = chunkWritten ? "rpstar5" : "rpstar6";
        var fan = chunkWritten ? "rpFan5" : "rpFan6";
        var batch = new FollowerBatch(Version: 1, [new FollowerOperation(fan, Chunk: 0, Add: true)]);
        await WriteUserAsync(starKey, followers: new FollowersState { Version = 1, OpenChunkReserved = 1, InFlight = batch });
        if (chunkWritten)
        {
            await cluster.WriteStateAsync(FollowerChunkGrain.GrainTypeName, FollowerChunkGrain.KeyOf(starKey, 0), FollowerChunkState.Name,
                new FollowerChunkState { Members = [fan], LastVersion = 1, LastChanged = [true] });
        }

        var star = cluster.User(starKey);

        Assert.Equal(1, (await star.GetProfileAsync()).Followers);
        Assert.Equal([fan], (await star.GetFollowersAsync(null, 10)).Items);
        var stored = await cluster.ReadRawStateAsync(UserGrain.GrainTypeName, starKey, FollowersState.Name);
        Assert.Equal(1, stored!.Value.GetProperty(nameof(FollowersState.Count)).GetInt64());

        // The storage serializer leaves out null members: a finished batch leaves no journal behind.
        Assert.False(stored.Value.TryGetProperty(nameof(FollowersState.InFlight), out var inFlight) && inFlight.ValueKind != System.Text.Json.JsonValueKind.Null, $"the journal is still stored: {inFlight}");
    }
}
