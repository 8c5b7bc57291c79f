using System.Globalization;
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
    public async Task Client_mode_without_gateways_or_a_shared_table_stops_at_start_naming_the_key()
    {
        await using var app = WebApp.With(new Dictionary<string, string?> { ["Cluster:Mode"] = "Client" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("entry point exited", failure.Message, StringComparison.Ordinal);
    }
}
