using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Grains.Diagnostics;

/// <summary>Source-generated log messages of the timeline domain.</summary>
internal static partial class TimelineLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Tweet ids of this silo use node id {NodeId} ({Source})")]
    public static partial void NodeIdChosen(ILogger logger, int nodeId, string source);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Storing page {Page} of {Author}'s tweets failed; it is retried on the next post")]
    public static partial void PageFlushFailed(ILogger logger, Exception exception, string author, int page);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Fan-out of {What} from {Author} failed for {Failed} of {Targets} followers")]
    public static partial void FanoutFailed(ILogger logger, Exception? exception, string what, string author, int failed, int targets);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{User} could not finish its pending {Intent} of {Followee}; it retries on its next follow operation")]
    public static partial void FollowRepairFailed(ILogger logger, Exception exception, string user, string intent, string followee);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "{User} finished a {Intent} of {Followee} that a crash interrupted")]
    public static partial void FollowRepaired(ILogger logger, string user, string intent, string followee);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "{User} is {State} a celebrity at {Followers} followers")]
    public static partial void CelebrityChanged(ILogger logger, string user, string state, long followers);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "{User} rebuilt its home timeline from {Sources} sources: {Entries} entries")]
    public static partial void Rebuilt(ILogger logger, string user, int sources, int entries);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "{User} could not pull the tweets of {Followee} while rebuilding its home timeline")]
    public static partial void RebuildPullFailed(ILogger logger, Exception exception, string user, string followee);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Announcing that {User} is {State} a celebrity failed; it is retried when the user next activates or changes followers")]
    public static partial void CelebrityAnnouncementFailed(ILogger logger, Exception exception, string user, string state);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "{User} finished follower operation {Version} that a crash interrupted")]
    public static partial void FollowerOperationRecovered(ILogger logger, string user, long version);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Fan-out of {What} from {Author} failed on silo {Silo}, which has left the cluster; its followers rebuild when they next activate")]
    public static partial void DeliveryToLeftSiloIgnored(ILogger logger, Exception? exception, string what, string author, string silo);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "{User} dropped a home-timeline subscriber whose call failed")]
    public static partial void ObserverDropped(ILogger logger, Exception exception, string user);
}
