using System.CommandLine;
using System.CommandLine.Parsing;

namespace OrleansTwitter.LoadGen.ClusterCalls;

/// <summary><c>cluster-calls</c>: cross-process grain calls, client to 1 silo and to 2 silos, against Redis PING.</summary>
internal static class ClusterCallsCommand
{
    public static Command Create()
    {
        var defaults = new ClusterCallsSettings();
        var output = new Option<string?>("--out") { Description = "Write the results as Markdown to this file, below its figures marker (text above the marker is kept). Default: console only." };
        var users = new Option<int>("--users") { Description = "Users to register and call.", DefaultValueFactory = _ => defaults.Users };
        var concurrency = new Option<int[]>("--concurrency")
        {
            Description = "Concurrent callers of the closed-loop runs; the best is the maximum.",
            DefaultValueFactory = _ => [.. defaults.Concurrency],
            AllowMultipleArgumentsPerToken = true,
        };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of warm-up before each measured window, closed-loop and open-loop.", DefaultValueFactory = _ => defaults.Warmup.TotalSeconds };
        var duration = new Option<double>("--duration") { Description = "Seconds measured per closed-loop run and for the latency run.", DefaultValueFactory = _ => defaults.Duration.TotalSeconds };
        var latencyLoad = new Option<double>("--latency-load")
        {
            Description = "Rate of the latency run, as a fraction of the set-up's maximum calls/s.",
            DefaultValueFactory = _ => defaults.LatencyLoad,
        };
        var latencyRate = new Option<double?>("--latency-rate")
        {
            Description = "Fixed calls/s of the latency run instead of a fraction of the maximum, to compare builds or settings at the same load.",
        };
        var silos = new Option<int[]>("--silos")
        {
            Description = "Silo counts of the set-ups.",
            DefaultValueFactory = _ => [.. defaults.SiloCounts],
            AllowMultipleArgumentsPerToken = true,
        };
        var siloEnvironment = new Option<string[]>("--silo-env")
        {
            Description = "NAME=VALUE environment variables for the silo processes, for experiments (e.g. DOTNET_gcServer=0).",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("cluster-calls", "Cross-process Orleans grain calls over loopback: a cluster client to 1 silo and to 2 silos; calls/s, latency at half load, Redis PING as the reference.")
        {
            output, users, concurrency, warmup, duration, latencyLoad, latencyRate, silos, siloEnvironment,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = defaults with
            {
                OutputPath = parse.GetValue(output),
                Users = parse.GetValue(users),
                Concurrency = parse.GetValue(concurrency)!,
                Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
                Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                LatencyDuration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                LatencyLoad = parse.GetValue(latencyLoad),
                LatencyRate = parse.GetValue(latencyRate),
                SiloCounts = parse.GetValue(silos)!,
                SiloEnvironment = parse.GetValue(siloEnvironment)!.Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.ElementAtOrDefault(1) ?? string.Empty, StringComparer.Ordinal),
            };
            var problems = settings.Validate().ToList();
            if (problems.Count > 0)
            {
                // Exit code 2: bad arguments, as the parser's own errors.
                problems.ForEach(Console.Error.WriteLine);
                return Task.FromResult(2);
            }

            return ClusterCallsBenchmark.RunAsync(settings, CommandLine(parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)), cancellationToken);
        });
        return command;
    }

    // The command as a reader would type it from the repository root.
    private static string CommandLine(IEnumerable<string> arguments) =>
        "dotnet run -c Release --project src/OrleansTwitter.LoadGen -- cluster-calls " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}
