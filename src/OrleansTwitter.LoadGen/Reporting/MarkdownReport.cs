using System.Text;
using OrleansTwitter.LoadGen.ClusterCalls;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>
/// The results as Markdown. Text a person wrote below <see cref="AnalysisMarker"/> in an existing
/// file is kept, so re-running the benchmark refreshes the figures without losing the analysis.
/// </summary>
internal static class MarkdownReport
{
    public const string AnalysisMarker = "<!-- Hand-written below this line; `cluster-calls --out` keeps it when it rewrites the results above. -->";

    public static async Task WriteAsync(string path, ClusterCallsReport report, CancellationToken cancellationToken)
    {
        var kept = string.Empty;
        if (File.Exists(path))
        {
            var existing = await File.ReadAllTextAsync(path, cancellationToken);
            var at = existing.IndexOf(AnalysisMarker, StringComparison.Ordinal);
            kept = at < 0 ? string.Empty : existing[(at + AnalysisMarker.Length)..].TrimStart('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, Render(report) + Environment.NewLine + AnalysisMarker + "\n" + (kept.Length > 0 ? "\n" + kept : string.Empty), cancellationToken);
    }

    public static string Render(ClusterCallsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var md = new StringBuilder();
        md.AppendLine("# Cluster calls: cross-process grain calls over loopback").AppendLine();
        md.AppendLine(Invariant($"Measured {report.StartedAt:yyyy-MM-dd HH:mm} UTC by `OrleansTwitter.LoadGen cluster-calls`, in one run:")).AppendLine();
        md.AppendLine("```sh").AppendLine(report.Command).AppendLine("```").AppendLine();
        md.AppendLine(Invariant($"- Machine: {report.Machine}; {report.RedisVersion}. CPU used by other processes in the second before the run: {(report.BusyBeforeRun is { } b ? Invariant($"{b:P0}") : "unknown")}."));
        md.AppendLine(Invariant($"- Silos: `dotnet OrleansTwitter.Silo.dll` (Release), `--Storage:Provider=Memory`, free loopback ports; 1 silo on InMemory membership, 2 silos on Redis membership (the tool's own redis-server)."));
        if (s.SiloEnvironment.Count > 0)
        {
            md.AppendLine("- Silo environment (an experiment, not the defaults): " + string.Join(", ", s.SiloEnvironment.Select(e => $"`{e.Key}={e.Value}`")) + ".");
        }

        md.AppendLine(Invariant($"- Client: `UseActorsClient` with static gateways, in the load generator's process. Call: `IUserGrain.GetProfileAsync()` on one of {s.Users:N0} registered users, at random (the grain also calls its `UserTweetsGrain` for the tweet count)."));
        md.AppendLine(Invariant($"- Throughput: closed loop, {string.Join(" / ", s.Concurrency)} concurrent callers, {s.Warmup.TotalSeconds:0} s warm-up then {s.Duration.TotalSeconds:0} s measured each; the best is the maximum."));
        md.AppendLine(Invariant($"- Latency: open loop at {(s.LatencyRate is { } fixedRate ? $"a fixed {fixedRate:N0} calls/s (`--latency-rate`)" : $"{s.LatencyLoad:P0} of that maximum")}, {s.Warmup.TotalSeconds:0} s warm-up at that rate then {s.LatencyDuration.TotalSeconds:0} s measured, every call timed with `Stopwatch.GetTimestamp` from when it is issued; percentiles by sorting all samples."));
        md.AppendLine(Invariant($"- Reference: `{report.Redis.Command}` against the same redis-server, in the same run, before the silos start.")).AppendLine();

        md.AppendLine("## Results").AppendLine();
        md.AppendLine($"| set-up | calls/s (max) | p50 at {s.LatencyLoadLabel} | p99 at {s.LatencyLoadLabel} | calls/s ÷ Redis PING | errors |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var setup in report.Setups)
        {
            var best = setup.Best;
            md.AppendLine(Invariant($"| {setup.Name} | {best.CallsPerSecond:N0} | {setup.Latency.Latency.P50:0.000} ms | {setup.Latency.Latency.P99:0.000} ms | {best.CallsPerSecond / report.Redis.BestRequestsPerSecond:P1} | {setup.Errors} |"));
        }

        md.AppendLine(Invariant($"| Redis PING (reference, best variant) | {report.Redis.BestRequestsPerSecond:N0} | | | 100% | |")).AppendLine();

        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | " + string.Join(" | ", report.Setups.Select(x => x.Name)) + " |");
        md.AppendLine("| --- |" + string.Concat(report.Setups.Select(_ => " --- |")));
        md.AppendLine(Invariant($"| ≥ {ClusterCallsReport.TargetCallsPerSecond:N0} calls/s | ") + string.Join(" | ", report.Setups.Select(x => Verdict(x.Best.CallsPerSecond >= ClusterCallsReport.TargetCallsPerSecond, Invariant($"{x.Best.CallsPerSecond:N0}")))) + " |");
        md.AppendLine(Invariant($"| p99 ≤ {ClusterCallsReport.TargetP99Milliseconds:0} ms at half load | ") + string.Join(" | ", report.Setups.Select(x => !s.JudgesHalfLoad
            ? $"not measured (latency run at {s.LatencyLoadLabel})"
            : Verdict(x.Latency.Latency.P99 <= ClusterCallsReport.TargetP99Milliseconds, Invariant($"{x.Latency.Latency.P99:0.000} ms")))) + " |");
        md.AppendLine("| zero errors | " + string.Join(" | ", report.Setups.Select(x => Verdict(x.Errors == 0, Invariant($"{x.Errors}")))) + " |").AppendLine();

        md.AppendLine("## Reference: Redis PING").AppendLine();
        md.AppendLine("| test | requests/s | p50 |").AppendLine("| --- | ---: | ---: |");
        foreach (var v in report.Redis.Variants)
        {
            md.AppendLine(Invariant($"| {v.Test} | {v.RequestsPerSecond:N0} | {(v.P50Milliseconds is { } p ? Invariant($"{p:0.000} ms") : "n/a")} |"));
        }

        md.AppendLine();
        md.Append(EvidenceTables.Render(report));
        return md.ToString();
    }

    private static string Verdict(bool met, string value) => met ? $"{value} — met" : $"{value} — **missed**";
}
