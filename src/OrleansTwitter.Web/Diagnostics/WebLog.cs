namespace OrleansTwitter.Web.Diagnostics;

/// <summary>Source-generated log messages of the web front end.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Account {Handle} created")]
    public static partial void AccountCreated(ILogger logger, string handle);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Sign-in of {Handle} refused")]
    public static partial void SignInRefused(ILogger logger, string handle);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Posting by {User} rate limited; retry after {RetryAfter} s")]
    public static partial void PostRateLimited(ILogger logger, string user, int retryAfter);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Timeline stream of {User} opened")]
    public static partial void StreamOpened(ILogger logger, string user);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Timeline stream of {User} closed")]
    public static partial void StreamClosed(ILogger logger, string user);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Timeline stream of {User} could not renew its subscription; it tries again at the next heartbeat")]
    public static partial void StreamRenewFailed(ILogger logger, Exception exception, string user);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Timeline stream of {User} could not unsubscribe; the user grain drops it at its next push")]
    public static partial void StreamUnsubscribeFailed(ILogger logger, Exception exception, string user);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Web front end in cluster mode {Mode}; storage {Storage}")]
    public static partial void ClusterMode(ILogger logger, string mode, string storage);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "A safe grain call failed (its silo left, it got no answer, or its write met a newer record); retry {Attempt}")]
    public static partial void GrainCallRetried(ILogger logger, Exception? exception, int attempt);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "The cluster is not reachable yet ({Reason}); attempt {Attempt}, trying again")]
    public static partial void ClusterConnectRetry(ILogger logger, string reason, int attempt);
}
