using System.Reflection;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Polly;
using Polly.Retry;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Diagnostics;

namespace OrleansTwitter.Web.Cluster;

/// <summary>
/// Retries, from the web front end's cluster client, the grain calls marked
/// <see cref="SafeToRetryAttribute"/> when they failed because a silo or gateway went away, or
/// because a grain's storage write lost a race with another activation: during a rolling upgrade
/// or after a crash the call is sent again, by then to the grain's new silo, and the user sees no
/// error. Other calls, and other errors, pass through unchanged.
/// </summary>
/// <remarks>
/// The back-off (Polly's exponential retry with jitter, up to <see cref="MaxRetryTime"/>)
/// outlasts the membership's failure detection, so a call to a killed silo succeeds once the
/// silo is declared dead and the grain activates elsewhere. A call that a gateway had already
/// forwarded to the silo when it was killed gets no answer at all (a client is not told of silo
/// deaths): it ends with the client's response timeout (<see cref="ResponseTimeout"/>), and is
/// sent again like a failed one.
/// </remarks>
internal sealed class SafeRetryCallFilter : IOutgoingGrainCallFilter
{
    /// <summary>How long a call keeps being retried; the killed silo is declared dead within 5 s.</summary>
    public static readonly TimeSpan MaxRetryTime = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The web front end's default for <c>Orleans:ClientMessaging:ResponseTimeout</c> (Orleans'
    /// own is 30 s): long above a healthy call's latency, short enough that a call lost with a
    /// killed silo is retried within <see cref="MaxRetryTime"/>.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    private readonly ResiliencePipeline _pipeline;

    public SafeRetryCallFilter(ILogger<SafeRetryCallFilter> logger)
    {
        // The timeout first, so that it is the outer strategy and bounds all attempts together
        // (Polly runs strategies in the order they are added).
        _pipeline = new ResiliencePipelineBuilder()
            .AddTimeout(MaxRetryTime)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsWorthRetrying),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(1),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = retry =>
                {
                    WebLog.GrainCallRetried(logger, retry.Outcome.Exception, retry.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.GetCustomAttribute<SafeToRetryAttribute>() is null)
        {
            await context.Invoke();
            return;
        }

        await _pipeline.ExecuteAsync(static async (context, cancellationToken) =>
        {
            await context.Invoke().WaitAsync(cancellationToken);

            // A failed call comes back as a response that holds its exception.
            if (context.Response?.Exception is { } failure && IsWorthRetrying(failure))
            {
                throw failure;
            }
        }, context, CancellationToken.None);
    }

    /// <summary>
    /// The call never ran, or ran on a silo that is gone, or got no answer, or its grain's write
    /// met a newer record: sending it again is how to recover.
    /// </summary>
    /// <remarks>
    /// An <see cref="OperationCanceledException"/> comes from Orleans, not from this filter (whose
    /// own cancellation Polly reports as its timeout and never retries): a silo gives up placing
    /// the call's grain when the call expires first ("Message expired before placement could
    /// complete"), as it does while the directory partition of a killed silo is being rebuilt.
    /// The call never ran, so it is sent again.
    /// An <see cref="InconsistentStateException"/> means that, while silos came and went, two
    /// activations of one grain ran and this one's write met the other's record. Orleans
    /// deactivates the activation the exception came from, so the retry reaches one that reads
    /// the record afresh; the calls retried are idempotent (a post carries its idempotency key).
    /// </remarks>
    internal static bool IsWorthRetrying(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException
            or TimeoutException or OperationCanceledException or InconsistentStateException;
}
