using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Timeline.Benchmarks.Infrastructure;

/// <summary>Silos and users for the benchmarks.</summary>
internal static class BenchSilo
{
    /// <summary>A silo with the timeline domain and Memory streams; Memory storage unless <paramref name="discardingStorage"/>.</summary>
    public static Task<TestSilo> StartAsync(Action<TimelineOptions>? configure = null, bool discardingStorage = false) =>
        TestSilo.StartAsync(silo =>
        {
            if (discardingStorage)
            {
                silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, new DiscardingGrainStorage());
            }

            silo.AddTimeline(configure);
            silo.AddMemoryStreams();
        });

    public static async Task<IUserGrain> RegisterAsync(TestSilo silo, string handle)
    {
        var user = silo.GrainFactory.GetGrain<IUserGrain>(Handle.Normalize(handle));
        await user.RegisterAsync(handle, null);
        return user;
    }

    /// <summary>Registers <paramref name="count"/> users, a few hundred at a time (setup, not measured).</summary>
    public static async Task<IUserGrain[]> RegisterManyAsync(TestSilo silo, string prefix, int count)
    {
        var users = new IUserGrain[count];
        foreach (var batch in Enumerable.Range(0, count).Chunk(500))
        {
            await Task.WhenAll(batch.Select(async i => users[i] = await RegisterAsync(silo, $"{prefix}{i}")));
        }

        return users;
    }

    /// <summary>Has every user follow <paramref name="followee"/>, a few hundred at a time.</summary>
    public static async Task FollowAllAsync(IEnumerable<IUserGrain> users, string followee)
    {
        foreach (var batch in users.Chunk(500))
        {
            await Task.WhenAll(batch.Select(u => u.FollowAsync(followee)));
        }
    }
}
