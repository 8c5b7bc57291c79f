using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OrleansTwitter.Benchmarks.Shared;

/// <summary>
/// The job every benchmark project here runs: short, so that a suite takes a few minutes on two
/// cores, with an Op/s column (with OperationsPerInvoke set to the operations of one invocation,
/// it reads as operations per second). Results go under the build output rather than the working
/// directory (the repository root under <c>dotnet run --project</c>); <c>--artifacts &lt;path&gt;</c> moves them.
/// </summary>
internal static class ShortJobConfig
{
    private const int WarmupIterations = 3;

    /// <param name="measuredIterations">Iterations measured after the warm-up.</param>
    /// <param name="inProcess">Run in this process, for set-ups (a started Azurite, culture settings) that a child process would not share.</param>
    public static IConfig Create(int measuredIterations, bool inProcess = false)
    {
        var job = Job.Default
            .WithId("Short")
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupIterations)
            .WithIterationCount(measuredIterations)
            // One invocation makes thousands of operations; unrolling it would only stretch each
            // iteration without adding precision.
            .WithUnrollFactor(1);
        if (inProcess)
        {
            job = job.WithToolchain(InProcessEmitToolchain.Instance);
        }

        return DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(StatisticColumn.OperationsPerSecond)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    }
}
