using System.Net;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary>Posting is rate limited per user: by default bursts of 10, then 30 a minute.</summary>
public sealed class RateLimitTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task The_11th_quick_post_is_429_with_Retry_After_and_other_users_are_not_affected()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("rl")));
        using var other = app.CreateClient(await NewUserAsync(app, Handles.Next("ro")));
        for (var i = 0; i < 10; i++)
        {
            await PostTweetOkAsync(me, $"burst {i}");
        }

        var limited = await PostTweetAsync(me, "one too many");

        var problem = await ExpectProblemAsync(HttpStatusCode.TooManyRequests, limited);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 2);
        Assert.Contains("try again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await PostTweetOkAsync(other, "not limited");
        await ExpectAsync(HttpStatusCode.OK, await me.GetAsync("/api/timeline"));
    }

    [Fact]
    public async Task The_limit_is_an_option()
    {
        await using var strict = WebApp.With(new Dictionary<string, string?> { ["Web:PostRateLimit:Burst"] = "1", ["Web:PostRateLimit:PostsPerMinute"] = "1" });
        using var me = strict.CreateClient(await NewUserAsync(strict, Handles.Next("rs")));
        await PostTweetOkAsync(me, "the one");

        var limited = await PostTweetAsync(me, "too soon");

        await ExpectProblemAsync(HttpStatusCode.TooManyRequests, limited);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }
}
