using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace OrleansTwitter.Actors.Benchmarks;

/// <summary>
/// A short job so that the whole suite runs in a few minutes on two cores, and an Op/s
/// column: with OperationsPerInvoke set to the number of calls, it reads as calls per second.
/// Results go under the build output rather than the working directory (the repository root
/// under <c>dotnet run --project</c>); <c>--artifacts &lt;path&gt;</c> moves them.
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
            // One invocation issues thousands of calls; unrolling it 16 times would only
            // stretch each iteration to seconds without adding precision.
            .WithUnrollFactor(1))
        .AddColumn(StatisticColumn.OperationsPerSecond)
        .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
}
