using System.Text.Json;
using OrleansTwitter.LoadGen.Tests.Infrastructure;

namespace OrleansTwitter.LoadGen.Tests.Load;

/// <summary>
/// Every built target runs the mix for a few seconds on a tiny graph against real servers, as
/// benchmarks/run.sh runs them on the big one, so the tool keeps working. What is asserted is
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

    [Fact]
    public async Task Redis_and_sql_run_the_mix_on_one_graph_without_errors_and_report_every_field()
    {
        string[] arguments =
        [
            "load", "--target", "redis", "sql",
            "--users", "600", "--mean-followers", "20", "--celebrity-threshold", "200", "--history", "5",
            "--active-share", "0.5", "--reads-per-post", "10", "--concurrency", "4", "--warmup", "1", "--duration", "3",
            "--redis", servers.Redis.ConnectionString, "--postgres", servers.Postgres.ConnectionString, "--json", _json,
        ];

        var exitCode = await LoadGenCommands.CreateRoot().Parse(arguments).InvokeAsync();

        Assert.True(File.Exists(_json), $"load exited with {exitCode} and wrote no JSON");
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(_json));
        var root = report.RootElement;
        var graph = root.GetProperty("graph");
        Assert.All(GraphFields, f => Assert.True(graph.TryGetProperty(f, out _), $"graph has no {f}"));
        Assert.Equal(600, graph.GetProperty("users").GetInt32());
        Assert.Equal(12_000, graph.GetProperty("follows").GetInt64());
        Assert.Equal(20, graph.GetProperty("meanFollowers").GetDouble());
        Assert.True(graph.GetProperty("celebrities").GetInt32() > 0, "a 600-user graph with a 200-follower threshold has celebrities");

        var results = root.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("target").GetString()!);
        Assert.Equal(["redis", "sql"], results.Keys.Order());
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

        // Redis keeps a list per user, which can be measured; join on read keeps nothing per user.
        Assert.True(results["redis"].GetProperty("bytesPerActiveUser").GetDouble() > 0, "redis measured no memory per active user");
        Assert.Equal(JsonValueKind.Null, results["sql"].GetProperty("bytesPerActiveUser").ValueKind);

        var ratio = Assert.Single(root.GetProperty("ratios").EnumerateArray());
        Assert.Equal("redis", ratio.GetProperty("target").GetString());
        Assert.Equal("sql", ratio.GetProperty("baseline").GetString());
        Assert.True(ratio.GetProperty("readsPerSec").GetDouble() > 0, "no reads/s ratio of redis to sql");
        // The command is recorded for the reader, without connection strings (they may hold a password).
        var command = root.GetProperty("run").GetProperty("command").GetString()!;
        Assert.DoesNotContain(servers.Postgres.ConnectionString, command, StringComparison.Ordinal);
        Assert.DoesNotContain(servers.Redis.ConnectionString, command, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
    }

    public void Dispose() => File.Delete(_json);
}
