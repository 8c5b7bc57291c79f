using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

namespace OrleansTwitter.Grains.Tests.Search;

/// <summary>The user directory: prefix queries over partitions, case-insensitive, in handle order.</summary>
[Collection(SearchCluster.Name)]
public sealed class DirectoryTests(SearchClusterFixture cluster)
{
    private IUserDirectoryGrain Directory => cluster.Grains.GetGrain<IUserDirectoryGrain>(0);

    [Fact]
    public async Task A_prefix_finds_registered_users_as_registered_in_handle_order_without_regard_to_case()
    {
        string[] handles = ["dqZed", "DQ_under", "dq9", "dqAlpha", "dQb", "dqalpine", "dr"];
        foreach (var handle in handles)
        {
            Assert.True(await cluster.User(handle).RegisterAsync(handle, $"Name of {handle}"));
        }

        var found = await Directory.FindAsync("DQ", 100);

        Assert.Equal(["dq9", "DQ_under", "dqAlpha", "dqalpine", "dQb", "dqZed"], found.Select(e => e.Handle));
        Assert.Equal("Name of dqAlpha", found[2].DisplayName);
        Assert.Equal(["dqAlpha", "dqalpine"], (await Directory.FindAsync("dqal", 100)).Select(e => e.Handle));
        Assert.Equal(["dq9", "DQ_under"], (await Directory.FindAsync("dq", 2)).Select(e => e.Handle));
        Assert.Empty(await Directory.FindAsync("dqx", 100));
    }

    [Fact]
    public async Task A_one_character_prefix_reads_its_partitions_in_order_and_stops_at_the_limit()
    {
        // 'z' handles over several partitions: "z", "z0…", "z_…", "za…", "zz…".
        string[] handles = ["zzTop", "z", "z_1", "zA", "z0z", "zb9"];
        foreach (var handle in handles)
        {
            await cluster.User(handle).RegisterAsync(handle, null);
        }

        Assert.Equal(["z", "z0z", "z_1", "zA", "zb9", "zzTop"], (await Directory.FindAsync("Z", 100)).Select(e => e.Handle));
        Assert.Equal(["z", "z0z", "z_1"], (await Directory.FindAsync("z", 3)).Select(e => e.Handle));
    }

    [Fact]
    public async Task Registering_again_lists_a_user_once_and_concurrent_registrations_all_land()
    {
        var handles = Enumerable.Range(0, 60).Select(i => $"dcon{i:00}").ToArray();
        await Task.WhenAll(handles.Select(h => cluster.User(h).RegisterAsync(h, null)));
        await Task.WhenAll(handles.Take(10).Select(h => cluster.User(h).RegisterAsync(h, null)));

        Assert.Equal(handles, (await Directory.FindAsync("dcon", 100)).Select(e => e.Handle));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-b")]
    [InlineData("sixteencharsxxxx")]
    [InlineData("é")]
    public async Task A_prefix_no_handle_can_start_with_is_refused(string prefix)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Directory.FindAsync(prefix, 20));
    }
}
