namespace OrleansTwitter.LoadGen.Chirper;

/// <summary>
/// The managed heap of the silo that answers, after a full collection: what the benchmark's
/// memory-per-user figure is computed from. A stateless worker runs on the silo whose gateway
/// received the client's call, so calls through each gateway reach each silo.
/// </summary>
[Alias("bench.IHeapProbeGrain")]
internal interface IHeapProbeGrain : IGrainWithIntegerKey
{
    [Alias("MeasureAsync")]
    Task<HeapReading> MeasureAsync();
}
