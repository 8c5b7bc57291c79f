using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Testing.Waiting;
using OrleansTwitter.Web.Cluster;
using OrleansTwitter.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static OrleansTwitter.Web.Tests.Infrastructure.Api;

namespace OrleansTwitter.Web.Tests.Cluster;

/// <summary>
/// <c>Cluster:Mode=Client</c>: web instances as clients of a two-silo Orleans cluster (in-process
/// silos, real loopback TCP). A token from one works on the other, and a post through one reaches
/// a live stream held by the other: the user grain calls the observer back through that client's
/// gateway. A live stream outlives the crash of its user's silo, and safe calls outlive a silo's
/// graceful stop.
/// </summary>
public sealed class ClientModeTests(ITestOutputHelper output)
{
    // The test cluster's membership table lives on its primary silo, so the silo a test stops or
    // kills is always a secondary one; a user is picked whose grain the secondary holds. Those
    // tests give the silos File storage in a folder they share, as a real cluster's storage
    // outlives any one silo: memory storage would lose the state the departing silo held.
    private const int PlacementAttempts = 24;

    // WebLog.GrainCallRetried: SafeRetryCallFilter sent a safe call again.
    private const int RetryEventId = 4010;

    [Fact]
    public async Task Two_client_instances_share_tokens_and_live_updates_through_the_cluster()
    {
        await using var cluster = await ClientCluster.StartAsync(2);
        var client = ClientCluster.ClientSettings(cluster);
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
        foreach (var app in new[] { first, second })
        {
            using var anonymous = app.CreateClient();
            var ready = await GetJsonAsync(anonymous, "/health/ready");
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_live_stream_keeps_working_after_the_silo_that_held_its_user_is_killed()
    {
        using var storage = new TemporaryFolder("ot-web-kill-");
        await using var cluster = await ClientCluster.StartAsync(2, storage.Path);
        await using var web = WebApp.With(ClientCluster.ClientSettings(cluster, ("Web:HeartbeatInterval", "00:00:00.2")));
        var authorHandle = Handles.Next("ka");
        using var author = web.CreateClient(await NewUserAsync(web, authorHandle));
        var (readerHandle, readerToken, holder) = await UserOnSecondaryAsync(cluster, web, "kr");
        using var reader = web.CreateClient(readerToken);
        await FollowAsync(reader, authorHandle);
        await using var stream = await EventStream.OpenAsync(reader);
        var before = await PostTweetOkAsync(author, "before the crash");
        Assert.Equal(before.ToString(), (await stream.NextTweetAsync()).ToString());

        await cluster.KillSiloAsync(holder);
        await WaitUntilDeadAsync(cluster, holder);
        // The stream's next renewal subscribes again, which activates the reader on the survivor.
        await Eventually.WaitAsync(
            async () => await ClientCluster.SiloHoldingUserAsync(cluster, readerHandle) == cluster.Primary,
            Waits.Timeout,
            "the reader's grain to be active on the surviving silo through the stream's renewal");
        var tweet = await PostTweetOkAsync(author, "after the crash");

        Assert.Equal(tweet.ToString(), (await stream.NextTweetAsync()).ToString());
    }

    [Fact]
    public async Task Safe_calls_through_a_client_instance_all_succeed_while_the_silo_holding_a_users_grain_stops()
    {
        using var storage = new TemporaryFolder("ot-web-stop-");
        await using var cluster = await ClientCluster.StartAsync(2, storage.Path);
        await using var web = WebApp.With(ClientCluster.ClientSettings(
            cluster, ("Web:PostRateLimit:Burst", "10000"), ("Web:PostRateLimit:PostsPerMinute", "60000")));
        var (leaving, leavingToken, secondary) = await UserOnSecondaryAsync(cluster, web, "gs");
        var staying = Handles.Next("go");
        var users = new[] { (leaving, leavingToken), (staying, await NewUserAsync(web, staying)) };
        using var done = new CancellationTokenSource();
        var load = users.SelectMany(u => Enumerable.Range(0, 4).Select(_ => SteadyRequestsAsync(web, u.Item1, u.Item2, done.Token))).ToArray();

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var stopStarted = DateTime.UtcNow;
        await cluster.StopSiloAsync(secondary).WaitAsync(TimeSpan.FromSeconds(60));
        var stopEnded = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await done.CancelAsync();
        var outcomes = await Task.WhenAll(load);

        var failures = outcomes.SelectMany(o => o.Failures).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} requests failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(20))}");
        var duringStop = outcomes.Sum(o => o.Answered.Count(t => t > stopStarted && t < stopEnded));
        Assert.True(duringStop > 0, "No request was answered while the silo stopped, so none tested the stop.");
        foreach (var posts in outcomes.GroupBy(o => o.Handle, o => o.Posted))
        {
            var posted = posts.SelectMany(p => p).ToList();
            Assert.NotEmpty(posted);
            // Every acknowledged post is kept, once: a post sent again after the stop is not doubled.
            Assert.Equal(posted.Count, posted.Distinct().Count());
            using var anonymous = web.CreateClient();
            Assert.Equal(posted.Count, (await GetJsonAsync(anonymous, $"/api/users/{posts.Key}")).GetProperty("tweets").GetInt64());
        }

        // Orleans forwards most calls itself during a graceful stop; what is left to the web's
        // retries (SafeRetryCallFilter) varies from run to run, so it is reported, not asserted.
        output.WriteLine($"The stop took {(stopEnded - stopStarted).TotalMilliseconds:F0} ms; {duringStop} of {outcomes.Sum(o => o.Answered.Count)} answers came during it; retries of safe calls: {web.Logs.Events.Count(e => e.EventId == RetryEventId)}.");
    }

    [Fact]
    public async Task Client_mode_without_gateways_or_a_shared_table_stops_at_start_naming_the_key()
    {
        await using var app = WebApp.With(new Dictionary<string, string?> { ["Cluster:Mode"] = "Client" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("entry point exited", failure.Message, StringComparison.Ordinal);
        // What Program.cs prints as it exits with code 2: the start-up step that failed, and its message.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Cluster:Mode"] = "Client";
        var invalid = Assert.Throws<OperatorConfigurationException>(() => builder.AddClusterFromConfiguration());
        Assert.Contains("Cluster:Gateways", invalid.Message, StringComparison.Ordinal);
    }

    // Signs up users until one's grain is on a secondary silo; returns it with its token and that silo.
    private static async Task<(string Handle, string Token, SiloHandle Silo)> UserOnSecondaryAsync(TestCluster cluster, WebApp web, string prefix)
    {
        for (var attempt = 0; attempt < PlacementAttempts; attempt++)
        {
            var handle = Handles.Next(prefix);
            var token = await NewUserAsync(web, handle);
            var silo = await ClientCluster.SiloHoldingUserAsync(cluster, handle);
            if (silo is not null && silo != cluster.Primary)
            {
                return (handle, token, silo);
            }
        }

        throw new InvalidOperationException($"None of {PlacementAttempts} new users' grains was placed on a secondary silo.");
    }

    private static Task WaitUntilDeadAsync(TestCluster cluster, SiloHandle dead)
    {
        var membership = ((InProcessSiloHandle)cluster.Primary!).SiloHost.Services.GetRequiredService<IClusterMembershipService>();
        return Eventually.WaitAsync(
            () => membership.CurrentSnapshot.GetSiloStatus(dead.SiloAddress) == SiloStatus.Dead,
            Waits.Timeout,
            $"the primary silo to declare {dead.SiloAddress} dead");
    }

    // Posts, reads the profile, the home timeline and the user's tweets, over and over, until
    // stopped; every answer that is not a success is a failure. A request under way when the
    // stop comes is finished, not cancelled: its answer counts too.
    private static async Task<LoadOutcome> SteadyRequestsAsync(WebApp web, string handle, string token, CancellationToken stop)
    {
        using var client = web.CreateClient(token);
        var outcome = new LoadOutcome(handle);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var post = await PostTweetAsync(client, $"steady {i}");
            outcome.Answered.Add(DateTime.UtcNow);
            if (post.IsSuccessStatusCode)
            {
                outcome.Posted.Add((await JsonAsync(post)).GetProperty("id").GetString()!);
            }
            else
            {
                outcome.Failures.Add($"POST /api/tweets as @{handle}: {(int)post.StatusCode} {await post.Content.ReadAsStringAsync(CancellationToken.None)}");
            }

            foreach (var path in new[] { $"/api/users/{handle}", "/api/timeline", $"/api/users/{handle}/tweets?limit=5" })
            {
                using var read = await client.GetAsync(path, CancellationToken.None);
                outcome.Answered.Add(DateTime.UtcNow);
                if (!read.IsSuccessStatusCode)
                {
                    outcome.Failures.Add($"GET {path}: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync(CancellationToken.None)}");
                }
            }

            await Task.Yield();
        }

        return outcome;
    }

    private sealed class LoadOutcome(string handle)
    {
        public string Handle { get; } = handle;

        public List<string> Posted { get; } = [];

        public List<string> Failures { get; } = [];

        public List<DateTime> Answered { get; } = [];
    }
}
