using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Sends a request to a grain and completes with its result. Grain references (generated
/// proxies) call it; the silo and the cluster client implement it.
/// </summary>
public interface IGrainCallInvoker
{
    /// <summary>
    /// Calls <paramref name="request"/> on the grain <paramref name="target"/>. The task
    /// faults with the grain's exception, with a <see cref="TimeoutException"/> after the
    /// response timeout, or with a runtime exception that says why the call failed.
    /// </summary>
    Task<T> InvokeAsync<T>(GrainId target, GrainRequest request);
}
