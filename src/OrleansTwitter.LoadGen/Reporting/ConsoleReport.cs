using OrleansTwitter.LoadGen.ClusterCalls;
using Spectre.Console;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>The headline results as a console table; the Markdown file has the evidence tables too.</summary>
internal static class ConsoleReport
{
    public static void Write(ClusterCallsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table { Title = new TableTitle("cluster-calls") };
        var load = report.Settings.LatencyLoadLabel;
        table.AddColumns("set-up", "calls/s (max)", "callers", Markup.Escape($"p50 @ {load}"), Markup.Escape($"p99 @ {load}"), "÷ PING", "errors");
        foreach (var setup in report.Setups)
        {
            var best = setup.Best;
            var latency = setup.Latency;
            table.AddRow(
                Markup.Escape(setup.Name),
                Invariant($"{best.CallsPerSecond:N0}"),
                Invariant($"{best.Concurrency:N0}"),
                Invariant($"{latency.Latency.P50:0.000} ms"),
                Invariant($"{latency.Latency.P99:0.000} ms"),
                Invariant($"{best.CallsPerSecond / report.Redis.BestRequestsPerSecond:P1}"),
                Invariant($"{setup.Errors}"));
        }

        foreach (var variant in report.Redis.Variants)
        {
            table.AddRow(
                Markup.Escape($"Redis {variant.Test}"),
                Invariant($"{variant.RequestsPerSecond:N0}"),
                Invariant($"{report.Settings.RedisClients}"),
                Milliseconds(variant.P50Milliseconds),
                Milliseconds(variant.P99Milliseconds),
                Invariant($"{variant.RequestsPerSecond / report.Redis.BestRequestsPerSecond:P1}"),
                string.Empty);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Invariant($"[grey]Redis PING latencies are at full load ({report.Settings.RedisClients} connections); the set-ups' are at {Markup.Escape(load)}.[/]"));
        var others = report.Setups.SelectMany(s => s.Throughput.Select(r => r.Usage).Append(s.Latency.Usage))
            .Select(u => u.OtherProcessesBusy).OfType<double>().DefaultIfEmpty(0).Max();
        AnsiConsole.MarkupLine(Invariant($"[grey]Other processes used up to {others:P0} of the cores in a measured window; above a few percent, these figures are not the benchmark's alone.[/]"));
    }

    private static string Milliseconds(double? value) => value is { } v ? Invariant($"{v:0.000} ms") : "n/a";
}
