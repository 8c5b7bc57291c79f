using System.Globalization;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Web.Tests.Infrastructure;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Cluster;

/// <summary>
/// <c>Cluster:Mode=Client</c>: two web instances as clients of a two-silo cluster (real loopback
/// TCP). A token from one works on the other, and a post through one reaches a live stream held
/// by the other: the user grain calls the observer back through that client's gateway.
/// </summary>
public sealed class ClientModeTests
{
    [Fact]
    public async Task Two_client_instances_share_tokens_and_live_updates_through_the_cluster()
    {
        await using var cluster = await TestCluster.StartAsync(2, silo => silo.AddTimeline().AddMemoryStreams(StreamProviderNames.Default));
        var gateways = string.Join(',', cluster.Silos.Select(s => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{s.GatewayPort}")));
        var client = new Dictionary<string, string?> { ["Cluster:Mode"] = "Client", ["Cluster:Gateways"] = gateways };
        await using var first = WebApp.With(client);
        await using var second = WebApp.With(client);
        var readerHandle = Handles.Next("cr");
        var authorHandle = Handles.Next("ca");
        var readerToken = await NewUserAsync(first, readerHandle);
        var authorToken = await NewUserAsync(first, authorHandle);

        using var readerOnSecond = second.CreateClient(readerToken);
        await FollowAsync(readerOnSecond, authorHandle);
        await using var stream = await EventStream.OpenAsync(readerOnSecond);
        using var authorOnFirst = first.CreateClient(authorToken);
        var tweet = await PostTweetOkAsync(authorOnFirst, "across the cluster");

        Assert.Equal(tweet.ToString(), (await stream.NextTweetAsync()).ToString());
        Assert.Equal(["across the cluster"], Texts(await GetJsonAsync(readerOnSecond, "/api/timeline")));
        var ready = await JsonAsync(await first.CreateClient().GetAsync("/health/ready"));
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_live_stream_keeps_working_after_the_silo_that_held_its_user_is_killed()
    {
        await using var cluster = await TestCluster.StartAsync(2, silo => silo.AddTimeline().AddMemoryStreams(StreamProviderNames.Default));
        var gateways = string.Join(',', cluster.Silos.Select(s => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{s.GatewayPort}")));
        await using var web = WebApp.With(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Client",
            ["Cluster:Gateways"] = gateways,
            ["Web:HeartbeatInterval"] = "00:00:00.2",
        });
        var readerHandle = Handles.Next("kr");
        var authorHandle = Handles.Next("ka");
        using var reader = web.CreateClient(await NewUserAsync(web, readerHandle));
        using var author = web.CreateClient(await NewUserAsync(web, authorHandle));
        await FollowAsync(reader, authorHandle);
        await using var stream = await EventStream.OpenAsync(reader);
        var before = await PostTweetOkAsync(author, "before the crash");
        Assert.Equal(before.ToString(), (await stream.NextTweetAsync()).ToString());
        var readerGrain = GrainId.FromString("user", readerHandle.ToLowerInvariant());
        var holder = Assert.Single(cluster.SilosHosting(readerGrain));

        await cluster.KillSiloAsync(holder);
        await cluster.WaitForActiveSilosAsync(1, Eventually.Wait);
        // The stream's next renewal subscribes again, which activates the user on the survivor.
        await Eventually.WaitAsync(() => cluster.SilosHosting(readerGrain).Count == 1, "the reader's grain to be active again through the stream's renewal");
        var tweet = await PostTweetOkAsync(author, "after the crash");

        Assert.Equal(tweet.ToString(), (await stream.NextTweetAsync()).ToString());
    }

    [Fact]
    public async Task Client_mode_without_gateways_or_a_shared_table_stops_at_start_naming_the_key()
    {
        await using var app = WebApp.With(new Dictionary<string, string?> { ["Cluster:Mode"] = "Client" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("entry point exited", failure.Message, StringComparison.Ordinal);
    }
}
