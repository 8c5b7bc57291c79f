using System.Text;
using OrleansTwitter.LoadGen.ClusterCalls;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>
/// The results as Markdown, written below <see cref="FiguresMarker"/>: the text a person wrote
/// above it (what the benchmark measures, how to read it) is kept, and the figures of the last
/// run replace whatever followed the marker. A new file gets a title and the marker.
/// </summary>
internal static class MarkdownReport
{
    public const string FiguresMarker = "<!-- `cluster-calls --out` replaces everything below this line with the figures of its run; text above it is kept. -->";

    public static async Task WriteAsync(string path, ClusterCallsReport report, CancellationToken cancellationToken)
    {
        string kept;
        if (File.Exists(path))
        {
            var existing = await File.ReadAllTextAsync(path, cancellationToken);
            var at = existing.IndexOf(FiguresMarker, StringComparison.Ordinal);
            if (at < 0)
            {
                // Rewriting a file without the marker would lose whatever a person wrote there.
                throw new InvalidOperationException($"{path} has no figures marker; add this line where the figures go, or write to a new file:{Environment.NewLine}{FiguresMarker}");
            }

            kept = existing[..(at + FiguresMarker.Length)];
        }
        else
        {
            kept = "# Cluster calls: figures\n\n" + FiguresMarker;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, kept + "\n\n" + Render(report), cancellationToken);
    }

    public static string Render(ClusterCallsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var md = new StringBuilder();
        md.AppendLine(Invariant($"Measured {report.StartedAt:yyyy-MM-dd HH:mm} UTC by `OrleansTwitter.LoadGen cluster-calls`, in one run:")).AppendLine();
        md.AppendLine("```sh").AppendLine(report.Command).AppendLine("```").AppendLine();
        md.AppendLine(Invariant($"- Machine: {report.Machine}; {report.RedisVersion}. CPU used by other processes in the second before the run: {(report.BusyBeforeRun is { } b ? Invariant($"{b:P0}") : "unknown")}."));
        md.AppendLine("- Silos: `dotnet OrleansTwitter.Silo.dll` (Release), `--Storage:Provider=Memory`, `--Streams:Provider=Memory`, free loopback ports, Redis membership (the tool's own redis-server), a new cluster id per set-up.");
        if (s.SiloEnvironment.Count > 0)
        {
            md.AppendLine("- Silo environment (an experiment, not the defaults): " + string.Join(", ", s.SiloEnvironment.Select(e => $"`{e.Key}={e.Value}`")) + ".");
        }

        md.AppendLine(Invariant($"- Client: the Orleans cluster client of the web front end (`AddOrleansTwitterClient`, gateways from the Redis membership table), in the load generator's process. Call: `IUserGrain.GetProfileAsync()` on one of {s.Users:N0} registered users, at random (the grain also calls its `UserTweetsGrain` for the tweet count)."));
        md.AppendLine(Invariant($"- Throughput: closed loop, {string.Join(" / ", s.Concurrency)} concurrent callers, {s.Warmup.TotalSeconds:0} s warm-up then {s.Duration.TotalSeconds:0} s measured each; the best is the maximum."));
        md.AppendLine(Invariant($"- Latency: open loop at {(s.LatencyRate is { } fixedRate ? $"a fixed {fixedRate:N0} calls/s (`--latency-rate`)" : $"{s.LatencyLoad:P0} of that maximum")}, {s.Warmup.TotalSeconds:0} s warm-up at that rate then {s.LatencyDuration.TotalSeconds:0} s measured, every call timed with `Stopwatch.GetTimestamp` from when it is issued; percentiles by sorting all samples."));
        md.AppendLine(Invariant($"- Reference: `{report.Redis.Command}` against the same redis-server, in the same run, before the silos start; its latency is at full load ({s.RedisClients} connections), not at half load.")).AppendLine();

        md.AppendLine("### Results").AppendLine();
        md.AppendLine($"| set-up | calls/s (max) | p50 at {s.LatencyLoadLabel} | p99 at {s.LatencyLoadLabel} | calls/s ÷ Redis PING | errors |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var setup in report.Setups)
        {
            var best = setup.Best;
            md.AppendLine(Invariant($"| {setup.Name} | {best.CallsPerSecond:N0} | {setup.Latency.Latency.P50:0.000} ms | {setup.Latency.Latency.P99:0.000} ms | {best.CallsPerSecond / report.Redis.BestRequestsPerSecond:P1} | {setup.Errors} |"));
        }

        md.AppendLine().AppendLine("### Reference: Redis PING").AppendLine();
        md.AppendLine("| test | requests/s | p50 | p99 |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var v in report.Redis.Variants)
        {
            md.AppendLine(Invariant($"| {v.Test} | {v.RequestsPerSecond:N0} | {Milliseconds(v.P50Milliseconds)} | {Milliseconds(v.P99Milliseconds)} |"));
        }

        md.AppendLine();
        md.Append(EvidenceTables.Render(report));
        return md.ToString();
    }

    private static string Milliseconds(double? value) => value is { } v ? Invariant($"{v:0.000} ms") : "n/a";
}
