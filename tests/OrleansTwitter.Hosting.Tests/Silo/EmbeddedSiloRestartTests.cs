using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Contracts;
using OrleansTwitter.Hosting.Tests.Infrastructure;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Hosting.Tests.Silo;

/// <summary>
/// A real embedded silo made by <see cref="OrleansTwitterSilo.AddOrleansTwitterSilo"/> with
/// <c>Storage:Provider=File</c>: what it stored outlives the host, so a restart on the same
/// folder finds the users, the follow, the tweet and the home timeline.
/// </summary>
public sealed class EmbeddedSiloRestartTests : IDisposable
{
    private static readonly TimeSpan StartStopBound = TimeSpan.FromSeconds(60);

    // API.md promises a follower sees a tweet within 1 s; generous here, for a loaded machine.
    private static readonly TimeSpan FanoutBound = TimeSpan.FromSeconds(10);

    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_registered_user_and_a_posted_tweet_survive_a_restart_on_the_same_folder()
    {
        var alice = NewHandle();
        var bob = NewHandle();
        var idempotencyKey = $"restart-{Guid.NewGuid():N}";
        Tweet posted;
        using (var host = Build())
        {
            await StartAsync(host);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            Assert.True(await grains.GetGrain<IUserGrain>(alice).RegisterAsync(alice, "Alice"));
            Assert.True(await grains.GetGrain<IUserGrain>(bob).RegisterAsync(bob, null));
            await grains.GetGrain<IUserGrain>(bob).FollowAsync(alice);
            posted = await grains.GetGrain<IUserGrain>(alice).PostAsync("written before the restart", idempotencyKey);
            await Eventually.WaitForAsync(
                () => grains.GetGrain<IUserGrain>(bob).GetHomeTimelineAsync(10, null),
                page => page.Items.Any(t => t.Id == posted.Id),
                FanoutBound,
                "the tweet in the follower's home timeline");
            await StopAsync(host);
        }

        // The records are files in the folder, not in the stopped silo's memory.
        Assert.Contains(
            Directory.EnumerateFiles(_data.Path, "*.json", SearchOption.AllDirectories),
            path => Path.GetFileNameWithoutExtension(path) == alice);

        using (var host = Build())
        {
            await StartAsync(host);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var author = grains.GetGrain<IUserGrain>(alice);
            var follower = grains.GetGrain<IUserGrain>(bob);

            var profile = await author.GetProfileAsync();
            Assert.Equal("Alice", profile.DisplayName);
            Assert.Equal(1, profile.Tweets);
            Assert.Equal(1, profile.Followers);
            Assert.False(await author.RegisterAsync(alice, "Alice again"));
            Assert.Equal([posted], (await author.GetTweetsAsync(10, null)).Items);
            Assert.Contains(posted, (await follower.GetHomeTimelineAsync(10, null)).Items);
            Assert.Equal([alice], (await follower.GetFollowingAsync(null, 10)).Items);

            // The idempotency key was stored with the profile: a retry finds the first tweet.
            Assert.Equal(posted, await author.PostAsync("written before the restart", idempotencyKey));
            Assert.Equal(1, (await author.GetProfileAsync()).Tweets);
            await StopAsync(host);
        }
    }

    // A handle of its own for each test: letters and digits, at most 15 characters.
    private static string NewHandle() => $"u{Guid.NewGuid():N}"[..13];

    private static async Task StartAsync(IHost host)
    {
        using var cancellation = new CancellationTokenSource(StartStopBound);
        await host.StartAsync(cancellation.Token);
    }

    private static async Task StopAsync(IHost host)
    {
        using var cancellation = new CancellationTokenSource(StartStopBound);
        await host.StopAsync(cancellation.Token);
    }

    private IHost Build() => Hosts.Build(
        builder => builder.AddOrleansTwitterSilo(embedded: true),
        ("Storage:Provider", "File"),
        ("Storage:Path", _data.Path));
}
