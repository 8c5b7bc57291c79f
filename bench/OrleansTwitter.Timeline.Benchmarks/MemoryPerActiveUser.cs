using System.Globalization;
using OrleansTwitter.Contracts;
using OrleansTwitter.Timeline.Benchmarks.Infrastructure;

namespace OrleansTwitter.Timeline.Benchmarks;

/// <summary>
/// Memory retained per active user with a full 800-entry home timeline, not counting the tweet
/// bodies (which every timeline in the silo shares). It is a measurement, not a timing, so it
/// runs in this process rather than as a BenchmarkDotNet benchmark: the author's 800 tweets are
/// created first, then the heap is measured before and after activating N users whose timelines
/// fill with them, in an in-process Orleans silo whose grain storage keeps nothing
/// (<see cref="DiscardingGrainStorage"/>), so only what active grains hold is counted: the
/// grain and its Orleans activation, the timeline, and the user's share of the author's
/// follower chunks.
/// </summary>
internal static class MemoryPerActiveUser
{
    public const string Name = "MemoryPerActiveUser";
    private const int Users = 5_000;

    public static async Task<string> MeasureAsync()
    {
        await using var silo = await BenchSilo.StartAsync(o => o.PullPerFollowee = TimelineLimits.HomeTimelineCapacity, discardingStorage: true);
        var author = await silo.RegisterAsync("memauthor");
        for (var i = 0; i < TimelineLimits.HomeTimelineCapacity; i++)
        {
            await author.PostAsync($"tweet number {i} of the memory measurement, about as long as a typical tweet is", null);
        }

        // Warm-up user: first-call allocations (proxies, caches, JIT) are not a user's cost.
        var warm = await silo.RegisterAsync("memwarm");
        await warm.FollowAsync("memauthor");
        var activationsBefore = await silo.ActivationCountAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var users = await silo.RegisterManyAsync("mem", Users);
        await BenchSilo.FollowAllAsync(users, "memauthor");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var activationsAdded = await silo.ActivationCountAsync() - activationsBefore;

        var sample = await users[Users / 2].GetHomeTimelineAsync(TimelineLimits.MaxPageSize, null);
        var entries = await CountAsync(users[Users / 2]);
        if (entries != TimelineLimits.HomeTimelineCapacity)
        {
            throw new InvalidOperationException($"A measured user's timeline holds {entries} entries, not {TimelineLimits.HomeTimelineCapacity}.");
        }

        GC.KeepAlive(users);
        GC.KeepAlive(sample);
        var perUser = (after - before) / (double)Users;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: {Users:N0} active users, each with a full {entries}-entry home timeline, retain {perUser / 1024:F1} KB each " +
            $"({after - before:N0} bytes in all; {activationsAdded:N0} activations added; shared tweet bodies excluded).");
    }

    private static async Task<int> CountAsync(IUserGrain user)
    {
        var count = 0;
        TweetId? before = null;
        do
        {
            var page = await user.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, before);
            count += page.Items.Count;
            before = page.Next;
        }
        while (before is not null);

        return count;
    }
}
