using System.Diagnostics;
using System.Globalization;
using OrleansTwitter.Contracts;
using OrleansTwitter.SystemTests.Infrastructure;
using OrleansTwitter.Testing.Servers;
using OrleansTwitter.Testing.Waiting;
using Xunit.Abstractions;

namespace OrleansTwitter.SystemTests.Cluster;

/// <summary>
/// The durable fan-out across a crash: an author posts a burst of tweets through the web front
/// end, and the silo that hosts the author's fan-out grain is SIGKILLed half-way. AzureQueue
/// streams deliver at least once and timelines drop repeats, so every acknowledged post reaches
/// every follower's home timeline exactly once.
/// </summary>
[Collection(ClusterScenarios.Name)]
[Trait("Category", "System")]
[Trait("Speed", "Slow")]
public sealed class DurableFanoutKillTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const string Author = "author";
    private const int Followers = 12;
    private const int Posts = 40;

    // A post whose silo died is retried with its idempotency key until acknowledged, for at most this long.
    private static readonly TimeSpan PostDeadline = TimeSpan.FromSeconds(60);

    // An event the killed silo's pulling agent had taken from its queue reappears only after the
    // queue's visibility timeout (30 s, Azure's default; the operator contract does not expose it),
    // on a survivor that has taken over the queue once the silo is declared dead.
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_acknowledged_post_reaches_every_follower_once_although_the_silo_of_its_fan_out_is_killed_mid_burst()
    {
        await using var scenario = await ClusterScenario.StartAsync(redis, output, silos: 3, webs: 1);
        var log = new RequestLog();
        var api = scenario.Webs[0].Api(log);
        var setup = scenario.Webs[0].Api();
        await setup.CreateAccountAsync(Author);
        var authorToken = await setup.SignInAsync(Author);
        var followers = new List<(string Handle, string Token)>();
        for (var i = 0; i < Followers; i++)
        {
            var handle = "fan" + i.ToString(CultureInfo.InvariantCulture);
            await setup.CreateAccountAsync(handle);
            var token = await setup.SignInAsync(handle);
            await setup.FollowAsync(token, Author);
            followers.Add((handle, token));
        }

        // A first post activates the author's fan-out grain; once every follower has it, each is active with its timeline built.
        var acknowledged = new List<string> { (await setup.PostAsync(authorToken, "warm-up")).Value };
        await Eventually.MeetsAsync(() => MissingAsync(setup, followers, acknowledged), TimeSpan.FromSeconds(30), "every follower to have the warm-up post", Eventually.SlowPoll);

        var management = scenario.Client.GetGrain<IManagementGrain>(0);
        var fanoutHost = await management.GetActivationAddress(scenario.Client.GetGrain(GrainId.Create("fanout", Author)))
            ?? throw new InvalidOperationException("The author's fan-out grain is not active after its first post was delivered.");
        var victim = scenario.Cluster.SiloAt(fanoutHost);
        var onSurvivors = new List<string>();
        foreach (var (handle, _) in followers)
        {
            if (await management.GetActivationAddress(scenario.Client.GetGrain<IUserGrain>(handle)) is { } host && !victim.Is(host))
            {
                onSurvivors.Add(handle);
            }
        }

        output.WriteLine($"fan-out grain on {victim}; followers active on the surviving silos: {onSurvivors.Count} of {Followers}");
        Assert.NotEmpty(onSurvivors);

        var retried = 0;
        var killedAt = TimeSpan.Zero;
        for (var n = 1; n <= Posts; n++)
        {
            var (id, failedAttempts) = await PostUntilAcknowledgedAsync(api, authorToken, n);
            acknowledged.Add(id);
            retried += failedAttempts;
            if (n == Posts / 2)
            {
                killedAt = log.Now;
                await scenario.Cluster.KillAsync(victim);
                output.WriteLine($"{RequestLog.Seconds(killedAt)}: SIGKILL to {victim} after {n} acknowledged posts");
            }
        }

        var burstDone = log.Now;
        var clock = Stopwatch.StartNew();
        string? missing = null;
        try
        {
            await Eventually.MeetsAsync(async () => missing = await MissingAsync(setup, followers, acknowledged),
                DeliveryTimeout, "every follower's home timeline to hold every acknowledged post exactly once", Eventually.SlowPoll);
        }
        finally
        {
            output.WriteLine($"durable fan-out across a SIGKILL: {log.Summary()}; posts acknowledged {acknowledged.Count}, failed attempts retried {retried}; " +
                $"burst ended {RequestLog.Seconds(burstDone - killedAt)} after the kill; every follower complete {RequestLog.Seconds(burstDone - killedAt + clock.Elapsed)} after the kill" +
                (missing is null ? string.Empty : $" (NOT complete: {missing})"));
        }
    }

    /// <summary>Posts tweet <paramref name="n"/> with its own idempotency key, again after each failure, until it is acknowledged.</summary>
    private static async Task<(string Id, int FailedAttempts)> PostUntilAcknowledgedAsync(ApiClient api, string token, int n)
    {
        string? id = null;
        var failed = 0;
        await Eventually.MeetsAsync(async () =>
        {
            var posted = await api.PostAsync(token, $"burst {n}", idempotencyKey: $"burst-{n}");
            if (posted.Ok)
            {
                id = posted.Value;
                return null;
            }

            failed++;
            return posted.Failure;
        }, PostDeadline, $"post {n} to be acknowledged", TimeSpan.FromMilliseconds(200));
        return (id!, failed);
    }

    /// <summary>What the followers' home timelines lack of <paramref name="acknowledged"/> (or hold twice), or null when nothing.</summary>
    private static async Task<string?> MissingAsync(ApiClient api, IEnumerable<(string Handle, string Token)> followers, IReadOnlyCollection<string> acknowledged)
    {
        var problems = new List<string>();
        foreach (var (handle, token) in followers)
        {
            List<string> home;
            try
            {
                home = await api.WholeHomeTimelineAsync(token);
            }
            catch (InvalidOperationException unanswered)
            {
                // A read routed to the killed silo before it was declared dead: not yet, and said so if it lasts.
                problems.Add($"{handle}: {unanswered.Message}");
                continue;
            }

            var doubled = home.GroupBy(id => id).Count(g => g.Count() > 1);
            var lacking = acknowledged.Except(home).Count();
            if (doubled > 0 || lacking > 0)
            {
                problems.Add($"{handle} lacks {lacking}, has {doubled} twice");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
