using System.Text.Json;
using OrleansTwitter.LoadGen.Tests.Infrastructure;

namespace OrleansTwitter.LoadGen.Tests.Load;

/// <summary>
/// Every built target runs the mix for a few seconds on a tiny graph against real servers (the
/// Orleans targets on silo processes the load generator starts), as benchmarks/run.sh runs them
/// on the big one, so the tool keeps working. What is asserted is
/// that each did its operations without errors and that the JSON has every field; never how
/// fast: benchmarks are not tests.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LoadSmokeTests(ServersFixture servers) : IDisposable
{
    /// <summary>The issue's fields of "graph".</summary>
    private static readonly string[] GraphFields = ["users", "follows", "meanFollowers", "celebrities"];

    /// <summary>The issue's fields of each result; each is a number except where a target cannot measure it.</summary>
    private static readonly string[] ResultFields =
    [
        "target", "readsPerSec", "postsPerSec", "deliveriesPerSec", "readP50Ms", "readP99Ms",
        "postP99Ms", "deliveryLagP99Ms", "errors", "bytesPerActiveUser",
    ];

    private readonly string _json = Path.Combine(Path.GetTempPath(), $"ot-loadgen-smoke-{Guid.NewGuid():N}.json");
    private readonly string _chart = Path.Combine(Path.GetTempPath(), $"ot-loadgen-smoke-{Guid.NewGuid():N}.svg");

    [Fact]
    public async Task Bench_runs_every_target_on_one_graph_without_errors_and_reports_every_field_and_the_chart()
    {
        // A graph small enough that loading it through the product's grains takes seconds, and
        // enough memory users (300, a few MB of timelines) that the heap figure usually stands
        // out of the silos' own churn.
        string[] arguments =
        [
            "bench", "--chart", _chart,
            "--users", "400", "--mean-followers", "10", "--celebrity-threshold", "100", "--history", "5",
            "--active-share", "0.5", "--memory-users", "300", "--reads-per-post", "10", "--concurrency", "4", "--warmup", "1", "--duration", "3",
            "--redis", servers.Redis.ConnectionString, "--postgres", servers.Postgres.ConnectionString, "--json", _json,
        ];

        var exitCode = await LoadGenCommands.CreateRoot().Parse(arguments).InvokeAsync();

        Assert.True(File.Exists(_json), $"bench exited with {exitCode} and wrote no JSON");
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(_json));
        var root = report.RootElement;
        var graph = root.GetProperty("graph");
        Assert.All(GraphFields, f => Assert.True(graph.TryGetProperty(f, out _), $"graph has no {f}"));
        Assert.Equal(400, graph.GetProperty("users").GetInt32());
        Assert.Equal(4_000, graph.GetProperty("follows").GetInt64());
        Assert.Equal(10, graph.GetProperty("meanFollowers").GetDouble());
        Assert.True(graph.GetProperty("celebrities").GetInt32() > 0, "a 400-user graph with a 100-follower threshold has celebrities");

        var results = root.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("target").GetString()!);
        Assert.Equal(["chirper", "cluster", "http", "redis", "sql"], results.Keys.Order());
        foreach (var (target, result) in results)
        {
            Assert.All(ResultFields, f => Assert.True(result.TryGetProperty(f, out _), $"{target} has no {f}"));
            Assert.True(result.GetProperty("errors").GetInt64() == 0, $"{target} had errors; the first: {result.GetProperty("firstError")}");
            Assert.True(result.GetProperty("reads").GetInt64() > 0, $"{target} did no reads");
            Assert.True(result.GetProperty("posts").GetInt64() > 0, $"{target} did no posts");
            Assert.True(result.GetProperty("entriesPerRead").GetDouble() > 0, $"{target}'s reads returned no entries");
            Assert.True(result.GetProperty("deliveryLagSamples").GetInt32() > 0, $"{target} timed no delivery");
            foreach (var figure in new[] { "readsPerSec", "postsPerSec", "deliveriesPerSec", "readP50Ms", "readP99Ms", "postP99Ms", "deliveryLagP99Ms" })
            {
                Assert.True(result.GetProperty(figure).GetDouble() > 0, $"{target}'s {figure} is {result.GetProperty(figure)}");
            }
        }

        // The fan-out designs keep a timeline per user, which can be measured; join on read keeps nothing per user.
        // Redis reports a list's own size; the silos' figure is a difference of heap readings, which
        // a run this small can leave unmeasured (null, said on the console), but never at or below zero.
        Assert.True(results["redis"].GetProperty("bytesPerActiveUser").GetDouble() > 0, "redis measured no memory per active user");
        foreach (var target in new[] { "cluster", "http", "chirper" })
        {
            var perUser = results[target].GetProperty("bytesPerActiveUser");
            Assert.True(perUser.ValueKind == JsonValueKind.Null || perUser.GetDouble() > 0, $"{target} reported {perUser} bytes per active user");
        }

        foreach (var target in new[] { "redis", "cluster", "http", "chirper" })
        {
            Assert.True(results[target].GetProperty("serverPeakMemoryBytes").GetInt64() > 0, $"{target} measured no server memory");
        }

        Assert.Equal(JsonValueKind.Null, results["sql"].GetProperty("bytesPerActiveUser").ValueKind);

        // Each target against each baseline before it: the issue's ratios among them.
        var ratios = root.GetProperty("ratios").EnumerateArray().ToDictionary(r => $"{r.GetProperty("target").GetString()}/{r.GetProperty("baseline").GetString()}");
        Assert.Equal(["chirper/redis", "chirper/sql", "cluster/chirper", "cluster/redis", "cluster/sql", "http/chirper", "http/redis", "http/sql", "redis/sql"], ratios.Keys.Order());
        Assert.All(ratios, r => Assert.True(r.Value.GetProperty("readsPerSec").GetDouble() > 0, $"no reads/s ratio {r.Key}"));
        // The command is recorded for the reader, without connection strings (they may hold a password).
        var command = root.GetProperty("run").GetProperty("command").GetString()!;
        Assert.DoesNotContain(servers.Postgres.ConnectionString, command, StringComparison.Ordinal);
        Assert.DoesNotContain(servers.Redis.ConnectionString, command, StringComparison.Ordinal);
        // The chart: an SVG with a bar per target.
        var chart = await File.ReadAllTextAsync(_chart);
        Assert.StartsWith("<?xml", chart, StringComparison.Ordinal);
        Assert.All(results.Keys, t => Assert.Contains($">{t}<", chart, StringComparison.Ordinal));
        Assert.Equal(0, exitCode);
    }

    public void Dispose()
    {
        File.Delete(_json);
        File.Delete(_chart);
    }
}
