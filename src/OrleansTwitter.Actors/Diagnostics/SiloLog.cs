using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Actors.Diagnostics;

/// <summary>Source-generated log messages of the silo lifecycle.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Silo started with {GrainClassCount} grain classes")]
    public static partial void Started(ILogger logger, int grainClassCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Silo shutting down: deactivating {ActivationCount} activations")]
    public static partial void Stopping(ILogger logger, int activationCount);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Silo stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Critical, Message = "Silo fenced off: {Reason}")]
    public static partial void Fenced(ILogger logger, string reason);
}
