using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.Live;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Apis;

/// <summary><c>GET /api/timeline/stream</c>: server-sent events fed by grain observers.</summary>
public sealed class TimelineStreamTests(TimelineStreamTests.StreamingWebApp app) : IClassFixture<TimelineStreamTests.StreamingWebApp>
{
    private int OpenStreams => app.Services.GetRequiredService<TimelineEventStream>().OpenStreams;

    [Fact]
    public async Task The_stream_is_an_event_stream_of_new_home_timeline_entries_own_and_followed()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("sm")));
        var authorHandle = Handles.Next("sa");
        using var author = app.CreateClient(await NewUserAsync(app, authorHandle));
        await FollowAsync(me, authorHandle);
        await using var stream = await EventStream.OpenAsync(me);

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", stream.Response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var theirs = await PostTweetOkAsync(author, "pushed to you");
        Assert.Equal(theirs.ToString(), (await stream.NextTweetAsync()).ToString());
        var mine = await PostTweetOkAsync(me, "my own");
        Assert.Equal(mine.ToString(), (await stream.NextTweetAsync()).ToString());
    }

    [Fact]
    public async Task The_stream_sends_heartbeat_comments()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("hb")));
        await using var stream = await EventStream.OpenAsync(me);

        var first = await stream.NextAsync(comments: true);
        var heartbeat = first.Comment == "connected" ? await stream.NextAsync(comments: true) : first;

        Assert.Equal("hb", heartbeat.Comment);
    }

    [Fact]
    public async Task A_client_that_disconnects_is_unsubscribed()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("dc")));
        var before = OpenStreams;
        var stream = await EventStream.OpenAsync(me);
        await Eventually.WaitAsync(() => OpenStreams == before + 1, Waits.Timeout, "the stream to be open");

        await stream.DisposeAsync();

        await Eventually.WaitAsync(() => OpenStreams == before, Waits.Timeout, "the stream to be closed and unsubscribed");
        await PostTweetOkAsync(me, "nobody is listening");
    }

    [Fact]
    public async Task A_reconnecting_client_gets_what_came_after_its_last_event_id_first()
    {
        using var me = app.CreateClient(await NewUserAsync(app, Handles.Next("le")));
        var seen = await PostTweetOkAsync(me, "seen");
        var missed1 = await PostTweetOkAsync(me, "missed 1");
        var missed2 = await PostTweetOkAsync(me, "missed 2");

        await using var stream = await EventStream.OpenAsync(me, seen.GetProperty("id").GetString());

        Assert.Equal(missed1.ToString(), (await stream.NextTweetAsync()).ToString());
        Assert.Equal(missed2.ToString(), (await stream.NextTweetAsync()).ToString());
        var live = await PostTweetOkAsync(me, "live");
        Assert.Equal(live.ToString(), (await stream.NextTweetAsync()).ToString());
    }

    [Fact]
    public async Task The_stream_without_a_token_is_401()
    {
        using var anonymous = app.CreateClient();

        await ExpectProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/timeline/stream"));
    }

    /// <summary>Heartbeats every 200 ms, so the heartbeat test is quick.</summary>
    public sealed class StreamingWebApp() : WebApp(new Dictionary<string, string?> { ["Web:HeartbeatInterval"] = "00:00:00.2" });
}
