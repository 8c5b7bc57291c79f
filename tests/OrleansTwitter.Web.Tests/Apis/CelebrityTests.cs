using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary>
/// API.md's <c>celebrity</c>: true while the user's tweets are pulled on read instead of fanned
/// out, and a celebrity's tweets are merged into a follower's home timeline when it is read.
/// The threshold is lowered to two followers, so two follows make a celebrity.
/// </summary>
public sealed class CelebrityTests(CelebrityTests.LowThresholdWebApp app) : IClassFixture<CelebrityTests.LowThresholdWebApp>
{
    [Fact]
    public async Task A_user_with_enough_followers_is_a_celebrity_whose_tweets_are_merged_into_home_timelines_on_read()
    {
        var starHandle = Handles.Next("cs");
        using var star = app.CreateClient(await NewUserAsync(app, starHandle));
        using var first = app.CreateClient(await NewUserAsync(app, Handles.Next("cf")));
        using var second = app.CreateClient(await NewUserAsync(app, Handles.Next("cg")));
        using var anonymous = app.CreateClient();
        await FollowAsync(first, starHandle);
        Assert.False((await GetJsonAsync(anonymous, $"/api/users/{starHandle}")).GetProperty("celebrity").GetBoolean());

        await FollowAsync(second, starHandle);

        var profile = await GetJsonAsync(anonymous, $"/api/users/{starHandle}");
        Assert.True(profile.GetProperty("celebrity").GetBoolean());
        Assert.Equal(2, profile.GetProperty("followers").GetInt64());
        await PostTweetOkAsync(star, "from the stage");
        foreach (var follower in new[] { first, second })
        {
            // A silo reuses a celebrity's recent tweets for Timeline:CelebrityCacheDuration (2 s).
            await Eventually.WaitForAsync(
                async () => Texts(await GetJsonAsync(follower, "/api/timeline")),
                texts => texts.SequenceEqual(["from the stage"]),
                Waits.Timeout,
                "the celebrity's tweet in the follower's home timeline");
        }
    }

    /// <summary>Two followers make a celebrity.</summary>
    public sealed class LowThresholdWebApp() : WebApp(new Dictionary<string, string?> { ["Timeline:CelebrityThreshold"] = "2" });
}
