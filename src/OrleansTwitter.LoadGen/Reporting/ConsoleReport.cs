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
        table.AddColumns("set-up", "calls/s (max)", "best callers", $"p50 @ {load}", $"p99 @ {load}", "÷ Redis PING", "errors");
        foreach (var setup in report.Setups)
        {
            var best = setup.Best;
            table.AddRow(
                Markup.Escape(setup.Name),
                Invariant($"{best.CallsPerSecond:N0}"),
                Invariant($"{best.Concurrency:N0}"),
                Invariant($"{setup.Latency.Latency.P50:0.000} ms"),
                Invariant($"{setup.Latency.Latency.P99:0.000} ms"),
                Invariant($"{best.CallsPerSecond / report.Redis.BestRequestsPerSecond:P1}"),
                Invariant($"{setup.Errors}"));
        }

        foreach (var variant in report.Redis.Variants)
        {
            table.AddRow(
                Markup.Escape($"Redis {variant.Test}"),
                Invariant($"{variant.RequestsPerSecond:N0}"),
                Invariant($"{report.Settings.RedisClients}"),
                variant.P50Milliseconds is { } p ? Invariant($"{p:0.000} ms (full load)") : "n/a",
                string.Empty,
                Invariant($"{variant.RequestsPerSecond / report.Redis.BestRequestsPerSecond:P1}"),
                string.Empty);
        }

        AnsiConsole.Write(table);
        foreach (var setup in report.Setups)
        {
            var throughputMet = setup.Best.CallsPerSecond >= ClusterCallsReport.TargetCallsPerSecond;
            var latency = report.Settings.JudgesHalfLoad
                ? Verdict(setup.Latency.Latency.P99 <= ClusterCallsReport.TargetP99Milliseconds)
                : $"not measured (latency run at {Markup.Escape(report.Settings.LatencyLoadLabel)})";
            AnsiConsole.MarkupLine(Invariant($"{Markup.Escape(setup.Name)}: ≥ {ClusterCallsReport.TargetCallsPerSecond:N0} calls/s {Verdict(throughputMet)}; p99 ≤ {ClusterCallsReport.TargetP99Milliseconds:0} ms at half load {latency}; errors {Verdict(setup.Errors == 0)}"));
        }
    }

    private static string Verdict(bool met) => met ? "[green]met[/]" : "[red]missed[/]";
}
