using OrleansTwitter.LoadGen.Measurement;

namespace OrleansTwitter.LoadGen.Mix;

/// <summary>What one target did in the measured window, and what the machine was doing meanwhile.</summary>
/// <param name="Elapsed">The measured window.</param>
/// <param name="Reads">Reads completed in the window.</param>
/// <param name="Posts">Posts completed in the window.</param>
/// <param name="Deliveries">Follower timelines those posts reached: the sum of their authors' follower counts.</param>
/// <param name="EntriesRead">Timeline entries the counted reads returned.</param>
/// <param name="ReadLatency">Reads' latency.</param>
/// <param name="PostLatency">Posts' latency.</param>
/// <param name="DeliveryLag">From a sampled post's start until it was in a sampled follower's home timeline.</param>
/// <param name="Errors">Failed operations and lag samples of the whole run, warm-up included.</param>
/// <param name="FirstError">The first of them.</param>
/// <param name="Cpu">Who used the cores in the window.</param>
internal sealed record MixResult(
    TimeSpan Elapsed,
    long Reads,
    long Posts,
    long Deliveries,
    long EntriesRead,
    LatencySummary ReadLatency,
    LatencySummary PostLatency,
    LatencySummary DeliveryLag,
    long Errors,
    string? FirstError,
    CpuShares Cpu)
{
    public double ReadsPerSecond => Reads / Elapsed.TotalSeconds;

    public double PostsPerSecond => Posts / Elapsed.TotalSeconds;

    public double DeliveriesPerSecond => Deliveries / Elapsed.TotalSeconds;

    public double EntriesPerRead => Reads == 0 ? 0 : (double)EntriesRead / Reads;
}
