using System.CommandLine;
using System.CommandLine.Parsing;
using OrleansTwitter.LoadGen.Graph;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary>The options <c>load</c> and <c>bench</c> share: the graph, the workload, the mix, the baselines' servers and the JSON file.</summary>
internal sealed class LoadOptions
{
    private static readonly LoadSettings Defaults = new();
    private readonly GraphOptions _graph = new();
    private readonly Option<double> _activeShare = new Option<double>("--active-share") { Description = "Share of users who are active (they read and post; their timelines are cached before the run). The rest are cold.", DefaultValueFactory = _ => Defaults.ActiveShare };
    private readonly Option<int> _history = new Option<int>("--history") { Description = "Tweets per user posted before the run.", DefaultValueFactory = _ => Defaults.HistoryPerUser };
    private readonly Option<int> _readsPerPost = new Option<int>("--reads-per-post") { Description = "Home-timeline reads per post.", DefaultValueFactory = _ => Defaults.Mix.ReadsPerPost };
    private readonly Option<int> _concurrency = new Option<int>("--concurrency") { Description = "Concurrent callers (a closed loop: each starts its next operation when the last returns).", DefaultValueFactory = _ => Defaults.Mix.Concurrency };
    private readonly Option<double> _warmup = new Option<double>("--warmup") { Description = "Seconds of the mix before the measured window.", DefaultValueFactory = _ => Defaults.Mix.Warmup.TotalSeconds };
    private readonly Option<double> _duration = new Option<double>("--duration") { Description = "Seconds measured per target.", DefaultValueFactory = _ => Defaults.Mix.Duration.TotalSeconds };
    private readonly Option<string?> _redis = new Option<string?>("--redis") { Description = "The redis target's server, HOST:PORT (StackExchange.Redis configuration). It is emptied with FLUSHDB." };
    private readonly Option<int> _redisConnections = new Option<int>("--redis-connections") { Description = "Connections the redis target spreads its operations over (one connection's replies are read on one thread).", DefaultValueFactory = _ => Defaults.RedisConnections };
    private readonly Option<string?> _postgres = new Option<string?>("--postgres") { Description = "The sql target's database, an Npgsql connection string. Its users, tweets and follows tables are dropped and created." };
    private readonly Option<int> _memoryUsers = new Option<int>("--memory-users") { Description = "Users the cluster and chirper targets give a full timeline to measure memory per active user.", DefaultValueFactory = _ => Defaults.MemoryUsers };
    private readonly Option<string?> _json = new Option<string?>("--json") { Description = "Write the results as JSON to this file." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_activeShare);
        command.Options.Add(_history);
        command.Options.Add(_readsPerPost);
        command.Options.Add(_concurrency);
        command.Options.Add(_warmup);
        command.Options.Add(_duration);
        command.Options.Add(_redis);
        command.Options.Add(_redisConnections);
        command.Options.Add(_postgres);
        command.Options.Add(_memoryUsers);
        command.Options.Add(_json);
        _graph.AddTo(command);
    }

    /// <summary>The settings these options give, with no targets yet.</summary>
    public LoadSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var graph = _graph.Read(parse);
        return Defaults with
        {
            Graph = graph,
            ActiveShare = parse.GetValue(_activeShare),
            HistoryPerUser = parse.GetValue(_history),
            Mix = Defaults.Mix with
            {
                ReadsPerPost = parse.GetValue(_readsPerPost),
                Concurrency = parse.GetValue(_concurrency),
                Warmup = TimeSpan.FromSeconds(parse.GetValue(_warmup)),
                Duration = TimeSpan.FromSeconds(parse.GetValue(_duration)),
                Seed = graph.Seed,
            },
            Redis = parse.GetValue(_redis),
            RedisConnections = parse.GetValue(_redisConnections),
            Postgres = parse.GetValue(_postgres),
            MemoryUsers = parse.GetValue(_memoryUsers),
            JsonPath = parse.GetValue(_json),
        };
    }

    /// <summary>Validates <paramref name="settings"/> (exit code 2 with each problem on a line of its own) and runs them.</summary>
    public static Task<int> RunAsync(LoadSettings settings, ParseResult parse, string commandName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(parse);
        var problems = settings.Validate().ToList();
        if (problems.Count > 0)
        {
            // Exit code 2: bad arguments, as the parser's own errors.
            problems.ForEach(Console.Error.WriteLine);
            return Task.FromResult(2);
        }

        return LoadBenchmark.RunAsync(settings, CommandLine(commandName, [.. parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)]), cancellationToken);
    }

    // The command as a reader would type it from the repository root. Connection strings are
    // left out: they may hold a password, and they name servers of that run only.
    private static string CommandLine(string commandName, IReadOnlyList<string> arguments) =>
        $"dotnet run -c Release --project src/OrleansTwitter.LoadGen -- {commandName} " + string.Join(' ', arguments.Select((a, i) =>
            i > 0 && arguments[i - 1] == "--redis" ? "HOST:PORT"
            : i > 0 && arguments[i - 1] == "--postgres" ? "CONNECTION_STRING"
            : a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'"
            : a));
}
