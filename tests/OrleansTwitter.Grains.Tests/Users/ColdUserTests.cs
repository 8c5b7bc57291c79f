using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Users;

public sealed class ColdUserTests
{
    [Fact]
    public async Task A_follower_that_was_deactivated_sees_the_tweet_after_it_reactivates()
    {
        await using var silo = await TimelineSilo.StartAsync(clock: new ManualTimeProvider());
        var author = await silo.RegisterAsync("coAuthor");
        var fan = await silo.RegisterAsync("coFan");
        await fan.FollowAsync("coAuthor");
        await author.PostAsync("before", null);
        Assert.Equal(["before"], await TimelineSilo.HomeTextsAsync(fan));

        await silo.CollectIdleAsync();
        await author.PostAsync("while away", null);

        Assert.Equal(["while away", "before"], await TimelineSilo.HomeTextsAsync(fan));
    }

    [Fact]
    public async Task Deactivation_persists_the_timelines_window_and_the_rebuild_restores_it_plus_what_arrived_meanwhile()
    {
        await using var silo = await TimelineSilo.StartAsync(o => o.PullPerFollowee = 50, new ManualTimeProvider());
        var quiet = await silo.RegisterAsync("coQuiet");
        var chatty = await silo.RegisterAsync("coChatty");
        var fan = await silo.RegisterAsync("coSnapFan");
        await fan.FollowAsync("coQuiet");
        await fan.FollowAsync("coChatty");
        var old = await quiet.PostAsync("old and quiet", null);
        for (var i = 0; i < 10; i++)
        {
            await chatty.PostAsync($"chat {i}", null);
        }

        var before = await TimelineSilo.HomeTextsAsync(fan);
        await silo.CollectIdleAsync();

        var snapshot = await silo.ReadRawStateAsync(UserGrain.GrainTypeName, "cosnapfan", HomeSnapshotState.Name);
        Assert.NotNull(snapshot);
        Assert.Equal(old.Id.ToString(), snapshot.Value.GetProperty("oldest").GetString());
        Assert.Equal(11, snapshot.Value.GetProperty("count").GetInt32());

        await chatty.PostAsync("meanwhile", null);
        Assert.Equal(["meanwhile", .. before], await TimelineSilo.HomeTextsAsync(fan));
    }

    [Fact]
    public async Task A_rebuild_learns_that_a_followee_became_a_celebrity_while_the_follower_was_away()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TimelineSilo.StartAsync(o => o.CelebrityThreshold = 2, clock);
        var star = await silo.RegisterAsync("coStar");
        var fan = await silo.RegisterAsync("coStarFan");
        await fan.FollowAsync("coStar");
        await silo.CollectIdleAsync();

        var late = await silo.RegisterAsync("coLateFan");
        await late.FollowAsync("coStar");
        Assert.True((await star.GetProfileAsync()).Celebrity);
        await star.PostAsync("celebrity news", null);

        Assert.Equal(["celebrity news"], await TimelineSilo.HomeTextsAsync(fan));
    }
}
