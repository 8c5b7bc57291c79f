using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OrleansTwitter.Actors.AzureStorage.Benchmarks;

/// <summary>
/// A short in-process job with an Op/s column: with OperationsPerInvoke set to the number of
/// storage calls, it reads as state reads or writes per second. In-process, because the
/// Azurite the setup starts and the process's culture settings (see the project file) must be
/// those of the run; results go under the build output.
/// </summary>
internal static class BenchmarkConfig
{
    private const int WarmupIterations = 3;
    private const int MeasuredIterations = 10;

    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithId("Short")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupIterations)
            .WithIterationCount(MeasuredIterations)
            // One invocation issues dozens of storage calls; unrolling would only stretch iterations.
            .WithUnrollFactor(1))
        .AddColumn(StatisticColumn.OperationsPerSecond)
        .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
}
