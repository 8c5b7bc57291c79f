using System.Reflection;
using Orleans.Runtime.Messaging;
using Polly;
using Polly.Retry;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Diagnostics;

namespace OrleansTwitter.Web.Cluster;

/// <summary>
/// Retries, from the web front end's cluster client, the grain calls marked
/// <see cref="SafeToRetryAttribute"/> when they failed because a silo or gateway went away:
/// during a rolling upgrade or after a crash the call is sent again, by then to the grain's new
/// silo, and the user sees no error. Other calls, and other errors, pass through unchanged.
/// </summary>
/// <remarks>
/// The back-off (Polly's exponential retry with jitter, up to <see cref="MaxRetryTime"/>)
/// outlasts the membership's failure detection, so a call to a killed silo succeeds once the
/// silo is declared dead and the grain activates elsewhere.
/// </remarks>
internal sealed class SafeRetryCallFilter : IOutgoingGrainCallFilter
{
    /// <summary>How long a call keeps being retried; the killed silo is declared dead within 5 s.</summary>
    public static readonly TimeSpan MaxRetryTime = TimeSpan.FromSeconds(10);

    private readonly ResiliencePipeline _pipeline;

    public SafeRetryCallFilter(ILogger<SafeRetryCallFilter> logger)
    {
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsSiloGone),
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
            .AddTimeout(MaxRetryTime)
            .Build();
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.GetCustomAttribute<SafeToRetryAttribute>() is null)
        {
            await context.Invoke();
            return;
        }

        await _pipeline.ExecuteAsync(static async (context, _) =>
        {
            await context.Invoke();

            // A failed call comes back as a response that holds its exception.
            if (context.Response?.Exception is { } failure && IsSiloGone(failure))
            {
                throw failure;
            }
        }, context, CancellationToken.None);
    }

    /// <summary>The call never ran, or ran on a silo that is gone: sending it again is how to recover.</summary>
    private static bool IsSiloGone(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException;
}
