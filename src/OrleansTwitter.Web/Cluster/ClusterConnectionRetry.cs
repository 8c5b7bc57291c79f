using OrleansTwitter.Web.Diagnostics;

namespace OrleansTwitter.Web.Cluster;

/// <summary>
/// Client mode: keeps trying to reach the cluster at start-up, once a second for up to
/// <see cref="GiveUpAfter"/>, so a web front end started alongside its silos waits for them
/// instead of failing; after that the start fails, and the process exits.
/// </summary>
internal sealed class ClusterConnectionRetry(TimeProvider timeProvider, ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private long _firstFailure;
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _attempts) == 1)
        {
            _firstFailure = timeProvider.GetTimestamp();
        }

        if (timeProvider.GetElapsedTime(_firstFailure) > GiveUpAfter)
        {
            return false;
        }

        WebLog.ClusterConnectRetry(logger, exception.Message, _attempts);
        await Task.Delay(Pause, timeProvider, cancellationToken);
        return true;
    }
}
