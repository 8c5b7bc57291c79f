using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace OrleansTwitter.Timeline.Benchmarks;

/// <summary>
/// A short job so that the suite runs in a few minutes on two cores, and an Op/s column: with
/// OperationsPerInvoke set to the reads or deliveries of one invocation, it reads as reads or
/// deliveries per second. Results go under the build output; <c>--artifacts &lt;path&gt;</c> moves them.
/// </summary>
internal static class BenchmarkConfig
{
    private const int WarmupIterations = 3;
    private const int MeasuredIterations = 8;

    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithId("Short")
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupIterations)
            .WithIterationCount(MeasuredIterations)
            // One invocation makes many thousands of calls; unrolling would only stretch it.
            .WithUnrollFactor(1))
        .AddColumn(StatisticColumn.OperationsPerSecond)
        .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
}
