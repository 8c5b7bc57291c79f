using System.Globalization;
using Orleans.Storage;

namespace OrleansTwitter.Timeline.Benchmarks.Infrastructure;

/// <summary>
/// An Orleans grain storage that keeps nothing: writes succeed and reads find no record. The
/// memory measurement uses it so that what it counts is what active grains hold, not what an
/// in-process storage provider keeps on their behalf (in production that is another machine's
/// memory; Orleans' Memory storage keeps it in grains of this silo).
/// </summary>
internal sealed class DiscardingGrainStorage : IGrainStorage
{
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
