using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Builds the <see cref="InconsistentStateException"/> every provider throws when a condition
/// is lost, so the message reads the same whichever provider a grain runs on.
/// </summary>
internal static class GrainStorageConflict
{
    /// <summary>Spelled out in messages for a null ETag, which means "no record".</summary>
    internal const string NoRecord = "<none>";

    /// <summary>True when a write or clear based on <paramref name="expected"/> may proceed.</summary>
    public static bool Matches(string? expected, string? stored) => string.Equals(expected, stored, StringComparison.Ordinal);

    /// <summary>
    /// The exception for a lost condition: <c>expected</c> is the ETag the grain's state was read
    /// at, <c>stored</c> the one the store holds (null when there is no record).
    /// </summary>
    public static InconsistentStateException Create(string operation, string stateName, GrainId grainId, string? expected, string? stored) =>
        new(
            $"Conditional {operation} of state '{stateName}' for grain {grainId} failed: expected ETag {expected ?? NoRecord}, " +
            $"but the stored ETag is {stored ?? NoRecord}. Another activation changed the record since it was read; nothing was stored.",
            stored,
            expected);
}
