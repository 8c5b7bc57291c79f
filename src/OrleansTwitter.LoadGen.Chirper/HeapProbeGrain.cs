using System.Runtime;
using Orleans.Concurrency;

namespace OrleansTwitter.LoadGen.Chirper;

/// <inheritdoc cref="IHeapProbeGrain"/>
[StatelessWorker(1)]
internal sealed class HeapProbeGrain : Grain, IHeapProbeGrain
{
    public Task<HeapReading> MeasureAsync()
    {
        // Compacting, so that what is left is what is reachable: the figure moves with the data
        // the grains hold, not with when the GC last ran.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return Task.FromResult(new HeapReading(RuntimeIdentity, GC.GetTotalMemory(forceFullCollection: false)));
    }
}
