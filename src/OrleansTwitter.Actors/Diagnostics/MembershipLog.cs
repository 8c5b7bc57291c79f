using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Hosting;

namespace OrleansTwitter.Actors.Diagnostics;

/// <summary>Source-generated log messages of membership and failure detection.</summary>
internal static partial class MembershipLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Silo {Silo} is now {Status} in the membership table")]
    public static partial void OwnStatus(ILogger logger, string silo, SiloStatus status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Membership view {Version}: active silos {Silos}")]
    public static partial void ViewChanged(ILogger logger, long version, string silos);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Silo} has no row in the membership table (version {Version}): the table lost its data; registering again")]
    public static partial void Reregistering(ILogger logger, string silo, long version);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Critical, Message = "{Silo} is declared dead by the cluster; stopping it")]
    public static partial void DeclaredDead(ILogger logger, string silo);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "{Voter} votes that {Suspect} is dead ({Votes} of {Needed} votes; I-am-alive {IAmAliveAge} old; dead: {Dead})")]
    public static partial void Voted(ILogger logger, string voter, string suspect, int votes, int needed, TimeSpan iAmAliveAge, bool dead);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Membership {Operation} failed; retrying next period")]
    public static partial void TableOperationFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "{Silo} missed {Misses} probes of {Target}")]
    public static partial void ProbeMissed(ILogger logger, string silo, int misses, string target);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "Could not tell {Silo} that the membership changed ({Reason}); it learns at its next refresh")]
    public static partial void NotifyFailed(ILogger logger, string silo, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug, Message = "Membership {Loop} loop stopping")]
    public static partial void LoopStopping(ILogger logger, string loop);
}
