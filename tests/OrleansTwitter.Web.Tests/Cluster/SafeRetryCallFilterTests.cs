using Orleans.Runtime.Messaging;
using Orleans.Storage;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Cluster;

namespace OrleansTwitter.Web.Tests.Cluster;

/// <summary>
/// Which failures of a <see cref="SafeToRetryAttribute"/> call the web front end sends again.
/// Retries in action, against silos that stop and die, are in <see cref="ClientModeTests"/>.
/// </summary>
public sealed class SafeRetryCallFilterTests
{
    public static TheoryData<Exception> Retried() =>
    [
        new SiloUnavailableException("silo gone"), // an OrleansMessageRejectionException, whose constructors are internal
        new ConnectionFailedException("refused"),
        new GatewayTooBusyException(),
        new TimeoutException("no answer in 5 s"),
        new OperationCanceledException("Message expired before placement could complete"),
        new InconsistentStateException("Blob storage condition not Satisfied", "Unknown", "0x1"),
    ];

    public static TheoryData<Exception> NotRetried() =>
    [
        new ArgumentException("text too long"),
        new UnknownUserException("nobody"),
        new InvalidOperationException("Page 0 of ada's tweets is missing from storage"),
    ];

    [Theory]
    [MemberData(nameof(Retried))]
    public void Failures_of_delivery_and_races_between_activations_are_retried(Exception failure) =>
        Assert.True(SafeRetryCallFilter.IsWorthRetrying(failure), failure.GetType().Name);

    [Theory]
    [MemberData(nameof(NotRetried))]
    public void Bad_input_and_faults_a_retry_cannot_fix_pass_through(Exception failure) =>
        Assert.False(SafeRetryCallFilter.IsWorthRetrying(failure), failure.GetType().Name);
}
