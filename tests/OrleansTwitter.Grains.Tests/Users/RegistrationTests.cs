using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

namespace OrleansTwitter.Grains.Tests.Users;

[Collection(SharedCluster.Name)]
public sealed class RegistrationTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task Registration_is_idempotent_and_the_first_one_stands()
    {
        var user = cluster.User("RegAda");

        Assert.True(await user.RegisterAsync("RegAda", "  Ada Lovelace "));
        Assert.False(await user.RegisterAsync("regada", "Somebody Else"));

        var profile = await user.GetProfileAsync();
        Assert.Equal("RegAda", profile.Handle);
        Assert.Equal("Ada Lovelace", profile.DisplayName);
        Assert.Equal((0, 0, 0, false), (profile.Followers, profile.Following, profile.Tweets, profile.Celebrity));
    }

    [Fact]
    public async Task A_missing_display_name_is_the_handle_and_handles_are_looked_up_without_case()
    {
        await cluster.User("RegBob").RegisterAsync("RegBob", null);

        var profile = await cluster.User("REGBOB").GetProfileAsync();

        Assert.Equal("RegBob", profile.DisplayName);
    }

    [Fact]
    public async Task Registering_a_handle_through_another_users_grain_is_rejected()
    {

        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.User("regcarl").RegisterAsync("regdave", null));

        Assert.Contains("regdave", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("sixteen_chars_xx")]
    [InlineData("dash-ed")]
    public async Task A_handle_that_breaks_the_rules_is_rejected_with_the_rules(string handle)
    {

        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Grains.GetGrain<IUserGrain>("x").RegisterAsync(handle, null));

        Assert.Contains("letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_name_over_50_characters_is_rejected()
    {

        await Assert.ThrowsAsync<ArgumentException>(() => cluster.User("regeve").RegisterAsync("regeve", new string('x', 51)));
    }

    [Fact]
    public async Task Every_operation_on_an_unregistered_user_throws_UnknownUserException_naming_it()
    {
        var ghost = cluster.User("ghost");

        var errors = new List<UnknownUserException>
        {
            await Assert.ThrowsAsync<UnknownUserException>(ghost.GetProfileAsync),
            await Assert.ThrowsAsync<UnknownUserException>(() => ghost.PostAsync("hello", null)),
            await Assert.ThrowsAsync<UnknownUserException>(() => ghost.GetHomeTimelineAsync(10, null)),
            await Assert.ThrowsAsync<UnknownUserException>(() => ghost.GetTweetsAsync(10, null)),
            await Assert.ThrowsAsync<UnknownUserException>(() => ghost.GetFollowersAsync(null, 10)),
            await Assert.ThrowsAsync<UnknownUserException>(() => ghost.FollowAsync("someone")),
        };

        Assert.All(errors, e => Assert.Contains("'ghost'", e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal("ghost", e.Handle));
    }
}
