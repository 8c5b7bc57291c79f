using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// A grain storage provider. Implementations register as keyed singletons of this interface,
/// keyed by provider name (<see cref="GrainStorageNames.Default"/> for the default).
/// </summary>
/// <remarks>
/// The contract every provider keeps:
/// <list type="bullet">
/// <item>Read sets <c>State</c>, <c>ETag</c> and <c>RecordExists</c>; when there is no record
/// it leaves <c>State</c> as given, sets <c>ETag</c> to null and <c>RecordExists</c> to false.</item>
/// <item>Write succeeds only when <c>ETag</c> equals the stored record's ETag (null meaning
/// "no record"); it then sets the new ETag and <c>RecordExists</c>. Otherwise it throws
/// <see cref="InconsistentStateException"/> and stores nothing.</item>
/// <item>Clear deletes the record under the same condition and sets <c>ETag</c> to null and
/// <c>RecordExists</c> to false.</item>
/// </list>
/// </remarks>
public interface IGrainStorage
{
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);
}
