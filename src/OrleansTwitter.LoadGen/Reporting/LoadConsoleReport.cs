using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.TimelineLoad;
using Spectre.Console;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>A <c>load</c> run's results as console tables: throughput, latency, ratios against the baselines, and where the CPU went.</summary>
internal static class LoadConsoleReport
{
    public static void Write(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var throughput = new Table { Title = new TableTitle("throughput") };
        throughput.AddColumns("target", "reads/s", "posts/s", "deliveries/s", "entries per read", "errors", "server peak memory", "bytes per active user (800 entries)", "load time");
        foreach (var result in report.Results)
        {
            var mix = result.Mix;
            throughput.AddRow(
                result.Name,
                Invariant($"{mix.ReadsPerSecond:N0}"),
                Invariant($"{mix.PostsPerSecond:N0}"),
                Invariant($"{mix.DeliveriesPerSecond:N0}"),
                Invariant($"{mix.EntriesPerRead:0.0}"),
                Invariant($"{mix.Errors:N0}"),
                result.ServerPeakBytes is { } peak ? Invariant($"{peak / (1024.0 * 1024):N0} MB ({result.MemoryMeasure})") : "n/a",
                result.BytesPerActiveUser is { } bytes ? Invariant($"{bytes:N0}") : "n/a",
                Invariant($"{result.LoadTime.TotalSeconds:0} s"));
        }

        AnsiConsole.Write(throughput);

        var latency = new Table { Title = new TableTitle("latency (ms)") };
        latency.AddColumns("target", "read p50", "p95", "p99", "max", "post p50", "p95", "p99", "max", "delivery lag p50", "p99", "lag samples");
        foreach (var result in report.Results)
        {
            var mix = result.Mix;
            latency.AddRow(
                result.Name,
                Ms(mix.ReadLatency.P50),
                Ms(mix.ReadLatency.P95),
                Ms(mix.ReadLatency.P99),
                Ms(mix.ReadLatency.Max),
                Ms(mix.PostLatency.P50),
                Ms(mix.PostLatency.P95),
                Ms(mix.PostLatency.P99),
                Ms(mix.PostLatency.Max),
                Ms(mix.DeliveryLag.P50),
                Ms(mix.DeliveryLag.P99),
                Invariant($"{mix.DeliveryLag.Count:N0}"));
        }

        AnsiConsole.Write(latency);

        var ratios = LoadRatios.Of(report.Results);
        if (ratios.Count > 0)
        {
            var table = new Table
            {
                Title = new TableTitle("ratios"),
                Caption = new TableTitle("throughput above 1× and latency below 1× favour the target"),
            };
            table.AddColumns("target ÷ baseline", "reads/s", "posts/s", "deliveries/s", "read p99", "post p99");
            foreach (var ratio in ratios)
            {
                table.AddRow(
                    Markup.Escape($"{TargetNames.Name(ratio.Target)} ÷ {TargetNames.Name(ratio.Baseline)}"),
                    Times(ratio.ReadsPerSec),
                    Times(ratio.PostsPerSec),
                    Times(ratio.DeliveriesPerSec),
                    Times(ratio.ReadP99),
                    Times(ratio.PostP99));
            }

            AnsiConsole.Write(table);
        }

        foreach (var result in report.Results)
        {
            var cpu = result.Mix.Cpu;
            AnsiConsole.MarkupLine(Markup.Escape(Invariant($"{result.Name}: cores busy {Share(cpu.MachineBusy)}, of which load generator {Share(cpu.Client)}, server {Share(cpu.Server)}, other processes {Share(cpu.Others)}")));
            if (result.Mix.FirstError is { } error)
            {
                AnsiConsole.MarkupLine("[red]" + Markup.Escape($"{result.Name}: first error: {error}") + "[/]");
            }
        }

        AnsiConsole.MarkupLine("[grey]" + Markup.Escape(
            "Deliveries are follower timelines the posts reached (their authors' follower counts); for sql they are implicit, a post being visible to every follower's next read. " +
            "Delivery lag runs from a sampled post's start to the read of an active follower's timeline that found it. " +
            "Other processes' CPU well above a few percent means the figures are not the benchmark's alone.") + "[/]");
    }

    private static string Ms(double value) => double.IsNaN(value) ? "n/a" : Invariant($"{value:0.00}");

    private static string Times(double? value) => value is { } v && double.IsFinite(v) ? Invariant($"{v:0.00}×") : "n/a";

    private static string Share(double? value) => value is { } v ? Invariant($"{v:P0}") : "n/a";
}
