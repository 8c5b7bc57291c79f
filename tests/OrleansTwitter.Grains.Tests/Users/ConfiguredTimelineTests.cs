using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>The <c>Timeline</c> section, set in the cluster's configuration, reaches the silo and its grains.</summary>
[Collection(ConfiguredCluster.Name)]
public sealed class ConfiguredTimelineTests(ConfiguredClusterFixture cluster)
{
    [Fact]
    public async Task Capacity_threshold_cache_duration_and_node_id_bind_from_the_Timeline_section()
    {
        var services = TimelineClusterFixture.ServicesOf(cluster.Cluster.Primary!);
        var options = services.GetRequiredService<IOptions<TimelineOptions>>().Value;

        Assert.Equal(
            (ConfiguredClusterFixture.Capacity, ConfiguredClusterFixture.CelebrityThreshold, 1, ConfiguredClusterFixture.CelebrityCacheDuration, ConfiguredClusterFixture.NodeId),
            (options.Capacity, options.CelebrityThreshold, options.EffectiveCelebrityHysteresis, options.CelebrityCacheDuration, options.NodeId));
        Assert.Equal(ConfiguredClusterFixture.NodeId, services.GetRequiredService<TweetIdGenerator>().NodeId);
        var tweet = await (await cluster.RegisterAsync("optNode")).PostAsync("from node 77", null);
        Assert.Equal(ConfiguredClusterFixture.NodeId, tweet.Id.NodeId);
    }

    [Fact]
    public async Task A_configured_capacity_bounds_the_home_timeline()
    {
        var user = await cluster.RegisterAsync("optCap");
        for (var i = 0; i < 7; i++)
        {
            await user.PostAsync($"post {i}", null);
        }

        var page = await user.GetHomeTimelineAsync(100, null);

        Assert.Equal(["post 6", "post 5", "post 4", "post 3", "post 2"], page.Items.Select(t => t.Text));
    }
}
