using System.CommandLine;
using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.TimelineLoad;

namespace OrleansTwitter.LoadGen.Bench;

/// <summary>
/// <c>bench</c>: every target on the same graph in one run (the baselines first, then our
/// cluster and the web API on the same silos), the ratios against the baselines, and the chart.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The order of a bench run: the baselines, then the cluster, then http on the cluster's silos and graph.</summary>
    public static readonly IReadOnlyList<TargetKind> Order = [TargetKind.Sql, TargetKind.Redis, TargetKind.Chirper, TargetKind.Cluster, TargetKind.Http];

    public static Command Create()
    {
        var options = new LoadOptions();
        var chart = new Option<string>("--chart") { Description = "Where to write the chart (throughput and read p99 per target), as SVG.", DefaultValueFactory = _ => "docs/benchmarks/side-by-side.svg" };
        var command = new Command("bench", "Run every target (sql, redis, chirper, cluster, http) on one graph, print the ratios against the baselines, and write the chart. Needs --redis and --postgres; starts the silos and the web front end itself.")
        {
            chart,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse) with { Targets = Order, ChartPath = parse.GetValue(chart) };
            return LoadOptions.RunAsync(settings, parse, "bench", cancellationToken);
        });
        return command;
    }
}
