using System.Globalization;
using OrleansTwitter.Contracts;
using OrleansTwitter.LoadGen.Client;
using OrleansTwitter.LoadGen.Processes;
using Progress = OrleansTwitter.LoadGen.Reporting.Progress;
using Spectre.Console;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Search;

/// <summary>
/// The <c>search</c> run: posts/s with indexing off and on, alternating in fresh silo processes
/// (<c>Search__Indexing=false</c> in the environment of the "off" silos: the indexer then drops
/// each event it is handed, so the difference is the indexing work, not the stream delivery), then
/// search latency over an index of <see cref="SearchSettings.Tweets"/> tweets in the last "on" cluster.
/// </summary>
internal static class SearchBenchmark
{
    public static async Task<int> RunAsync(SearchSettings settings, string command, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.RunTimeout);
        var workingDirectory = Directory.CreateTempSubdirectory("ot-loadgen-search-").FullName;
        try
        {
            Progress.Step("starting redis-server (membership)");
            await using var redis = await RedisServer.StartAsync(deadline.Token);
            var runs = new List<(int Round, bool Indexing, PostingResult Result)>();
            SearchResult? search = null;
            for (var round = 1; round <= settings.Rounds; round++)
            {
                foreach (var indexing in new[] { false, true })
                {
                    var last = round == settings.Rounds && indexing;
                    var name = $"round {round}, indexing {(indexing ? "on" : "off")}";
                    Progress.Step($"{name}: starting {settings.Silos} silo(s)");
                    var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["Search__Indexing"] = indexing ? "true" : "false" };
                    await using var cluster = await SiloCluster.StartAsync(settings.Silos, redis, environment, workingDirectory, deadline.Token);
                    await using var client = await LoadClient.ConnectAsync(redis, cluster.ClusterId, settings.Silos, deadline.Token);
                    var users = await RegisterAsync(client.Cluster, settings.Users, deadline.Token);
                    Progress.Step($"{name}: {settings.Concurrency} concurrent posters, {settings.Warmup.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s");
                    var result = await PostingRun.RunAsync(users, settings.Concurrency, settings.Warmup, settings.Duration, round, deadline.Token);
                    Progress.Result(Invariant($"{result.PostsPerSecond:N0} posts/s, {result.Errors} errors{(result.FirstError is { } e ? " (" + e + ")" : string.Empty)}"));
                    runs.Add((round, indexing, result));
                    if (last)
                    {
                        Progress.Step($"search: filling the index to {settings.Tweets:N0} tweets, then {settings.Queries:N0} searches from {settings.QueryConcurrency} callers");
                        search = await SearchPhase.RunAsync(client.Cluster, users, result.TotalPosts, settings, deadline.Token);
                        Progress.Result(Invariant($"p50 {search.Latency.P50:0.00} ms, p99 {search.Latency.P99:0.00} ms; indexing caught up {search.CatchUp.TotalSeconds:0.0} s after the fill"));
                    }
                }
            }

            Write(command, settings, runs, search!);
            return runs.All(r => r.Result.Errors == 0) ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The search benchmark did not finish within {settings.RunTimeout}; every process it started has been stopped.");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static async Task<IUserGrain[]> RegisterAsync(IGrainFactory grains, int count, CancellationToken cancellationToken)
    {
        var users = Enumerable.Range(0, count).Select(i => grains.GetGrain<IUserGrain>("sg" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        foreach (var batch in Enumerable.Range(0, count).Chunk(256))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAll(batch.Select(i => users[i].RegisterAsync("sg" + i.ToString(CultureInfo.InvariantCulture), null)));
        }

        return users;
    }

    private static void Write(string command, SearchSettings settings, List<(int Round, bool Indexing, PostingResult Result)> runs, SearchResult search)
    {
        var table = new Table { Title = new TableTitle("search: posts/s with indexing off and on") };
        table.AddColumns("round", "indexing", "posts/s", "posts", "errors");
        foreach (var (round, indexing, result) in runs)
        {
            table.AddRow(Invariant($"{round}"), indexing ? "on" : "off", Invariant($"{result.PostsPerSecond:N0}"), Invariant($"{result.Posts:N0}"), Invariant($"{result.Errors}"));
        }

        var off = runs.Where(r => !r.Indexing).Average(r => r.Result.PostsPerSecond);
        var on = runs.Where(r => r.Indexing).Average(r => r.Result.PostsPerSecond);
        table.AddRow("mean", "on ÷ off", Invariant($"{on / off:0.00}×"), string.Empty, string.Empty);
        AnsiConsole.Write(table);

        var latency = new Table { Title = new TableTitle(Invariant($"search latency over {search.Tweets:N0} tweets ({settings.Queries:N0} queries, {settings.QueryConcurrency} callers, 20 per page)")) };
        latency.AddColumns("p50", "p90", "p95", "p99", "max", "matches/page", "index caught up");
        var l = search.Latency;
        latency.AddRow(Invariant($"{l.P50:0.00} ms"), Invariant($"{l.P90:0.00} ms"), Invariant($"{l.P95:0.00} ms"), Invariant($"{l.P99:0.00} ms"), Invariant($"{l.Max:0.00} ms"), Invariant($"{search.MeanMatchesPerPage:0.0}"), Invariant($"{search.CatchUp.TotalSeconds:0.0} s"));
        AnsiConsole.Write(latency);
        AnsiConsole.MarkupLine(Invariant($"[grey]{Markup.Escape(command)}; {Environment.ProcessorCount} cores, {settings.Silos} silo(s), {settings.Users:N0} users.[/]"));
    }
}
