using System.CommandLine;
using System.CommandLine.Parsing;

namespace OrleansTwitter.LoadGen.Search;

/// <summary><c>search</c>: posts/s with indexing on and off in the same run, and search p99 over 100,000 tweets.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var defaults = new SearchSettings();
        var silos = new Option<int>("--silos") { Description = "Silo processes per cluster.", DefaultValueFactory = _ => defaults.Silos };
        var users = new Option<int>("--users") { Description = "Users who post.", DefaultValueFactory = _ => defaults.Users };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent posters.", DefaultValueFactory = _ => defaults.Concurrency };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of warm-up per posting run.", DefaultValueFactory = _ => defaults.Warmup.TotalSeconds };
        var duration = new Option<double>("--duration") { Description = "Seconds measured per posting run.", DefaultValueFactory = _ => defaults.Duration.TotalSeconds };
        var rounds = new Option<int>("--rounds") { Description = "Posting runs per mode (off, on, off, on, ...).", DefaultValueFactory = _ => defaults.Rounds };
        var tweets = new Option<int>("--tweets") { Description = "Tweets in the index when searches are measured.", DefaultValueFactory = _ => defaults.Tweets };
        var queries = new Option<int>("--queries") { Description = "Searches measured.", DefaultValueFactory = _ => defaults.Queries };
        var queryConcurrency = new Option<int>("--query-concurrency") { Description = "Concurrent searchers.", DefaultValueFactory = _ => defaults.QueryConcurrency };
        var command = new Command("search", "Posts/s with search indexing off and on (same run, fresh silos each), and search latency over an index of 100,000 tweets.")
        {
            silos, users, concurrency, warmup, duration, rounds, tweets, queries, queryConcurrency,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = defaults with
            {
                Silos = parse.GetValue(silos),
                Users = parse.GetValue(users),
                Concurrency = parse.GetValue(concurrency),
                Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
                Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                Rounds = parse.GetValue(rounds),
                Tweets = parse.GetValue(tweets),
                Queries = parse.GetValue(queries),
                QueryConcurrency = parse.GetValue(queryConcurrency),
            };
            var problems = settings.Validate().ToList();
            if (problems.Count > 0)
            {
                // Exit code 2: bad arguments, as the parser's own errors.
                problems.ForEach(Console.Error.WriteLine);
                return Task.FromResult(2);
            }

            var arguments = parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value);
            return SearchBenchmark.RunAsync(settings, "dotnet run -c Release --project src/OrleansTwitter.LoadGen -- search " + string.Join(' ', arguments), cancellationToken);
        });
        return command;
    }
}
