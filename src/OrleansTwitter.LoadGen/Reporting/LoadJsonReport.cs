using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.TimelineLoad;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>
/// A <c>load</c> run as JSON: the fields first (<c>graph</c>: users, follows,
/// meanFollowers, celebrities; each of <c>results</c>: target, readsPerSec, postsPerSec,
/// deliveriesPerSec, readP50Ms, readP99Ms, postP99Ms, deliveryLagP99Ms, errors,
/// bytesPerActiveUser), then the rest of what the console shows. A figure that could not be
/// measured is null; a target that did not run is not in <c>results</c>.
/// </summary>
internal static class LoadJsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task WriteAsync(string path, LoadReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, ToJson(report), Options, cancellationToken);
    }

    internal static LoadJson ToJson(LoadReport report)
    {
        var graph = report.Graph;
        var settings = report.Settings;
        return new LoadJson(
            new GraphJson(graph.Users, graph.Follows, Round(graph.MeanFollowers), graph.Celebrities, graph.MedianFollowers, graph.P99Followers, graph.MaxFollowers, graph.CelebrityThreshold, settings.Graph.Seed),
            [.. report.Results.Select(Result)],
            [.. LoadRatios.Of(report.Results).Select(r => new RatioJson(TargetNames.Name(r.Target), TargetNames.Name(r.Baseline), Round(r.ReadsPerSec), Round(r.PostsPerSec), Round(r.DeliveriesPerSec), Round(r.ReadP99), Round(r.PostP99)))],
            new RunJson(
                report.Command,
                report.StartedAt,
                report.Machine,
                report.ActiveUsers,
                settings.ActiveShare,
                settings.HistoryPerUser,
                settings.Mix.ReadsPerPost,
                settings.Mix.Concurrency,
                settings.Mix.Warmup.TotalSeconds,
                settings.Mix.Duration.TotalSeconds));
    }

    private static ResultJson Result(TargetResult result)
    {
        var mix = result.Mix;
        return new ResultJson(
            result.Name,
            Round(mix.ReadsPerSecond),
            Round(mix.PostsPerSecond),
            Round(mix.DeliveriesPerSecond),
            Round(mix.ReadLatency.P50),
            Round(mix.ReadLatency.P99),
            Round(mix.PostLatency.P99),
            Round(mix.DeliveryLag.P99),
            mix.Errors,
            Round(result.BytesPerActiveUser),
            Round(mix.ReadLatency.P95),
            Round(mix.ReadLatency.Max),
            Round(mix.PostLatency.P50),
            Round(mix.PostLatency.P95),
            Round(mix.PostLatency.Max),
            Round(mix.DeliveryLag.P50),
            mix.DeliveryLag.Count,
            mix.Reads,
            mix.Posts,
            Round(mix.EntriesPerRead),
            Round(mix.Elapsed.TotalSeconds),
            result.ServerPeakBytes,
            result.MemoryMeasure,
            Round(result.LoadTime.TotalSeconds),
            new CpuJson(Round(mix.Cpu.MachineBusy), Round(mix.Cpu.Client), Round(mix.Cpu.Server), Round(mix.Cpu.Others)),
            mix.FirstError);
    }

    // Three decimals are below any figure's noise; NaN (no samples) is not JSON, so it is null.
    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 3) : null;

    internal sealed record LoadJson(GraphJson Graph, IReadOnlyList<ResultJson> Results, IReadOnlyList<RatioJson> Ratios, RunJson Run);

    internal sealed record GraphJson(int Users, long Follows, double? MeanFollowers, int Celebrities, int MedianFollowers, int P99Followers, int MaxFollowers, int CelebrityThreshold, int Seed);

    internal sealed record ResultJson(
        string Target,
        double? ReadsPerSec,
        double? PostsPerSec,
        double? DeliveriesPerSec,
        double? ReadP50Ms,
        double? ReadP99Ms,
        double? PostP99Ms,
        double? DeliveryLagP99Ms,
        long Errors,
        double? BytesPerActiveUser,
        double? ReadP95Ms,
        double? ReadMaxMs,
        double? PostP50Ms,
        double? PostP95Ms,
        double? PostMaxMs,
        double? DeliveryLagP50Ms,
        int DeliveryLagSamples,
        long Reads,
        long Posts,
        double? EntriesPerRead,
        double? MeasuredSeconds,
        long? ServerPeakMemoryBytes,
        string? ServerMemoryMeasure,
        double? LoadSeconds,
        CpuJson Cpu,
        string? FirstError);

    internal sealed record CpuJson(double? MachineBusy, double? LoadGenerator, double? Server, double? Others);

    internal sealed record RatioJson(string Target, string Baseline, double? ReadsPerSec, double? PostsPerSec, double? DeliveriesPerSec, double? ReadP99, double? PostP99);

    internal sealed record RunJson(string Command, DateTimeOffset StartedAt, string Machine, int ActiveUsers, double ActiveShare, int HistoryPerUser, int ReadsPerPost, int Concurrency, double WarmupSeconds, double DurationSeconds);
}
