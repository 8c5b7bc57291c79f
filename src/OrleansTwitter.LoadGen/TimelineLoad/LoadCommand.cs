using System.CommandLine;
using System.CommandLine.Parsing;
using OrleansTwitter.LoadGen.Graph;
using OrleansTwitter.LoadGen.Targets;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary><c>load</c>: loads the graph into each target and runs the read/post mix against it.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var defaults = new LoadSettings();
        var graph = new GraphOptions();
        var targets = new Option<string[]>("--target")
        {
            Description = "Targets to run, in order, on one graph: cluster (our grains through the Orleans client), http (our web API), redis (Redis lists, fan-out on write), sql (PostgreSQL, join on read), chirper (Chirper's direct fan-out on Orleans). The Orleans targets start their own redis-server and 2 silo processes (and, for http, a web front end).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        targets.AcceptOnlyFromAmong([.. TargetNames.All]);
        var activeShare = new Option<double>("--active-share") { Description = "Share of users who are active (they read and post; their timelines are cached before the run). The rest are cold.", DefaultValueFactory = _ => defaults.ActiveShare };
        var history = new Option<int>("--history") { Description = "Tweets per user posted before the run.", DefaultValueFactory = _ => defaults.HistoryPerUser };
        var readsPerPost = new Option<int>("--reads-per-post") { Description = "Home-timeline reads per post.", DefaultValueFactory = _ => defaults.Mix.ReadsPerPost };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent callers (a closed loop: each starts its next operation when the last returns).", DefaultValueFactory = _ => defaults.Mix.Concurrency };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of the mix before the measured window.", DefaultValueFactory = _ => defaults.Mix.Warmup.TotalSeconds };
        var duration = new Option<double>("--duration") { Description = "Seconds measured per target.", DefaultValueFactory = _ => defaults.Mix.Duration.TotalSeconds };
        var redis = new Option<string?>("--redis") { Description = "The redis target's server, HOST:PORT (StackExchange.Redis configuration). It is emptied with FLUSHDB." };
        var redisConnections = new Option<int>("--redis-connections") { Description = "Connections the redis target spreads its operations over (one connection's replies are read on one thread).", DefaultValueFactory = _ => defaults.RedisConnections };
        var postgres = new Option<string?>("--postgres") { Description = "The sql target's database, an Npgsql connection string. Its users, tweets and follows tables are dropped and created." };
        var memoryUsers = new Option<int>("--memory-users") { Description = "Users the cluster and chirper targets give a full timeline to measure memory per active user.", DefaultValueFactory = _ => defaults.MemoryUsers };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file." };

        var command = new Command("load", "Load the graph into each target, run the mix (home-timeline reads and posts by the active users), and report throughput, latency, delivery lag and memory.")
        {
            targets, activeShare, history, readsPerPost, concurrency, warmup, duration, redis, redisConnections, postgres, memoryUsers, json,
        };
        graph.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var graphSettings = graph.Read(parse);
            var settings = defaults with
            {
                Targets = [.. parse.GetValue(targets)!.Select(TargetNames.Parse)],
                Graph = graphSettings,
                ActiveShare = parse.GetValue(activeShare),
                HistoryPerUser = parse.GetValue(history),
                Mix = defaults.Mix with
                {
                    ReadsPerPost = parse.GetValue(readsPerPost),
                    Concurrency = parse.GetValue(concurrency),
                    Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
                    Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                    Seed = graphSettings.Seed,
                },
                Redis = parse.GetValue(redis),
                RedisConnections = parse.GetValue(redisConnections),
                Postgres = parse.GetValue(postgres),
                MemoryUsers = parse.GetValue(memoryUsers),
                JsonPath = parse.GetValue(json),
            };
            var problems = settings.Validate().ToList();
            if (problems.Count > 0)
            {
                // Exit code 2: bad arguments, as the parser's own errors.
                problems.ForEach(Console.Error.WriteLine);
                return Task.FromResult(2);
            }

            return LoadBenchmark.RunAsync(settings, CommandLine([.. parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)]), cancellationToken);
        });
        return command;
    }

    // The command as a reader would type it from the repository root. Connection strings are
    // left out: they may hold a password, and they name servers of that run only.
    private static string CommandLine(IReadOnlyList<string> arguments) =>
        "dotnet run -c Release --project src/OrleansTwitter.LoadGen -- load " + string.Join(' ', arguments.Select((a, i) =>
            i > 0 && arguments[i - 1] == "--redis" ? "HOST:PORT"
            : i > 0 && arguments[i - 1] == "--postgres" ? "CONNECTION_STRING"
            : a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'"
            : a));
}
