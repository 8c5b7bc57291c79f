using OrleansTwitter.LoadGen.Chirper;

namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// The silos' managed heaps, summed, each after a full compacting collection
/// (<see cref="IHeapProbeGrain"/>). The probe is a stateless worker, which runs on the silo whose
/// gateway received the call; the client picks a gateway by the grain's id, so probes of a few
/// different keys reach every silo.
/// </summary>
internal static class SiloHeaps
{
    private const int MaxCalls = 200;

    public static async Task<long> TotalBytesAsync(IClusterClient client, int silos)
    {
        var readings = new Dictionary<string, long>();
        for (var call = 0; call < MaxCalls && readings.Count < silos; call++)
        {
            var reading = await client.GetGrain<IHeapProbeGrain>(call).MeasureAsync();
            readings[reading.Silo] = reading.HeapBytes;
        }

        if (readings.Count < silos)
        {
            throw new InvalidOperationException($"{MaxCalls} heap probes reached {readings.Count} of {silos} silos.");
        }

        return readings.Values.Sum();
    }

    /// <summary>
    /// Memory per active user with a full timeline: the heaps before and after
    /// <paramref name="fill"/> creates <paramref name="users"/> users, activates them and gives
    /// them a full timeline, less what <paramref name="control"/> (the same posts with nobody to
    /// deliver them to) adds, which is the tweets' own cost. So it counts all a user costs in
    /// memory: its activation, its state, its place in the follow graph and its timeline.
    /// </summary>
    public static async Task<double> PerUserAsync(IClusterClient client, int silos, int users, Func<Task> fill, Func<Task> control)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(control);
        var before = await TotalBytesAsync(client, silos);
        await fill();
        var filled = await TotalBytesAsync(client, silos);
        await control();
        var controlled = await TotalBytesAsync(client, silos);
        return ((filled - before) - (controlled - filled)) / (double)users;
    }
}
