using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Diagnostics;

/// <summary>Source-generated log messages of the activation subsystem.</summary>
internal static partial class ActivationLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Activated {GrainId}")]
    public static partial void Activated(ILogger logger, GrainId grainId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Activation of {GrainId} failed; its {PendingCount} waiting requests fail with the same error")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId, int pendingCount);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Deactivated {GrainId} ({Reason})")]
    public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed; deactivation goes on")]
    public static partial void OnDeactivateFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Writing state {StateName} of {GrainId} during deactivation failed; the last acknowledged write stands")]
    public static partial void DeactivationWriteFailed(ILogger logger, Exception exception, GrainId grainId, string stateName);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "{GrainId} lost a storage write condition and is deactivated so the next call reloads its state")]
    public static partial void InconsistentState(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Timer tick of {GrainId} failed")]
    public static partial void TimerTickFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Idle collection deactivated {Count} activations idle for at least {CollectionAge}")]
    public static partial void IdleCollected(ILogger logger, int count, TimeSpan collectionAge);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Dropped {Message}: its caller stopped waiting at {Deadline}")]
    public static partial void DroppedExpired(ILogger logger, string message, DateTimeOffset deadline);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Deactivating all {Count} activations ({Reason})")]
    public static partial void DeactivatingAll(ILogger logger, int count, DeactivationReasonCode reason);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Deactivating {GrainId} with {Running} requests still running after {Timeout}")]
    public static partial void ForcedDeactivation(ILogger logger, GrainId grainId, int running, TimeSpan timeout);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "{Remaining} activations had not finished deactivating after {Timeout}")]
    public static partial void DeactivateAllTimedOut(ILogger logger, int remaining, TimeSpan timeout);
}
