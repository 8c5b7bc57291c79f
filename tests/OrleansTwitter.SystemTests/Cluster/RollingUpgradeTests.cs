using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Testing.Servers;
using OrleansTwitter.Testing.Waiting;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Cluster;

/// <summary>
/// The rolling upgrade an operator runs, as users see it through the web: three silos (Redis
/// membership, AzureBlob storage and AzureQueue streams in Azurite) behind two web front ends in
/// client mode; start a fourth silo, wait until it is active, SIGTERM an original, and repeat
/// until no original is left, while signed-in users post and read their home timelines.
/// </summary>
[Collection(ClusterScenarios.Name)]
[Trait("Category", "System")]
[Trait("Speed", "Slow")]
public sealed class RollingUpgradeTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const int Users = 6;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    // How long the load runs on each intermediate cluster, so that every one of them serves requests.
    private static readonly TimeSpan LoadPerStep = TimeSpan.FromSeconds(2);

    // Followers' timelines fill by asynchronous fan-out; a stream event a stopped silo's agent held
    // comes back after the queue's 30 s visibility timeout.
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Replacing_every_silo_under_load_fails_no_request_and_loses_or_doubles_no_tweet()
    {
        // A user moved to another silo rebuilds its home timeline from the window its snapshot
        // recorded as it deactivated, whole: the load posts more per user than a follow pulls
        // (Timeline:PullPerFollowee, 100), and the check below wants all of them.
        await using var scenario = await ClusterScenario.StartAsync(redis, output, silos: 3, webs: 2);
        var users = await ScenarioUsers.CreateAsync(scenario.Webs[0].Api(), "roller", Users);
        var log = new RequestLog();
        output.WriteLine($"load clock starts at {log.StartedAt:HH:mm:ss.fff}");
        var apis = scenario.Webs.Select(w => w.Api(log)).ToArray();

        int[] stepsOnNewSilosOnly;
        await using (var load = new LoadRunner(log, Users, Pause, (user, n) => users.PostAndReadBackAsync(apis[user % apis.Length], log, user, n)))
        {
            await Task.Delay(LoadPerStep);
            foreach (var original in scenario.Cluster.Silos.ToArray())
            {
                var newcomer = await scenario.Cluster.StartSiloAsync();
                output.WriteLine($"{RequestLog.Seconds(log.Now)}: {newcomer} active in every view");
                await Task.Delay(LoadPerStep);
                output.WriteLine($"{RequestLog.Seconds(log.Now)}: SIGTERM to {original}");
                await scenario.Cluster.StopGracefullyAsync(original);
                output.WriteLine($"{RequestLog.Seconds(log.Now)}: {original} exited with code 0");
                await Task.Delay(LoadPerStep);
            }

            var beforeLastStep = load.Steps;
            await Task.Delay(LoadPerStep);
            await load.StopAsync(TimeSpan.FromSeconds(60));
            stepsOnNewSilosOnly = [.. load.Steps.Select((steps, user) => steps - beforeLastStep[user])];
        }

        var authorProblems = await users.AuthorTimelineProblemsAsync(scenario.Webs[0].Api());
        output.WriteLine($"rolling upgrade of 3 silos under {Users} users on 2 web front ends: {log.Summary()}; " +
            $"tweets acknowledged {users.TotalAcknowledged}, lost or doubled: {authorProblems ?? "none"}");
        output.WriteLine(log.DescribeFailures());
        var delivered = await Eventually.MeetsAsync(() => users.FollowerTimelineProblemsAsync(scenario.Webs[1].Api()),
            DeliveryTimeout, "every follower's home timeline to hold its followee's acknowledged tweets once", Eventually.SlowPoll);
        output.WriteLine($"followers' home timelines complete {RequestLog.Seconds(delivered)} after the load stopped");

        Assert.True(log.Failures.Count == 0, $"{log.Failures.Count} requests failed:{Environment.NewLine}{log.DescribeFailures()}");
        Assert.True(stepsOnNewSilosOnly.All(s => s > 0), $"workers that made no progress on the new silos alone: {string.Join(", ", stepsOnNewSilosOnly)}");
        Assert.Null(authorProblems);
    }
}
