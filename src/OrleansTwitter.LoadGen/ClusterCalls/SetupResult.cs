using OrleansTwitter.LoadGen.Load;

namespace OrleansTwitter.LoadGen.ClusterCalls;

/// <summary>One set-up (a client and <see cref="Silos"/> silo processes): every closed-loop run, the best, and latency at part load.</summary>
internal sealed record SetupResult(string Name, int Silos, IReadOnlyList<ThroughputResult> Throughput, LatencyResult Latency)
{
    public ThroughputResult Best => Throughput.MaxBy(r => r.CallsPerSecond)!;

    public long Errors => Throughput.Sum(r => r.Errors) + Latency.Errors;
}
