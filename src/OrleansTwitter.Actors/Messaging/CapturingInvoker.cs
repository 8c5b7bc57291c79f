using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Turns a typed call on a proxy into the request object it would send, without sending it:
/// <c>g =&gt; g.DeliverAsync(x)</c> becomes one request that a multicast then shares.
/// </summary>
internal sealed class CapturingInvoker : IGrainCallInvoker
{
    public GrainRequest? Captured { get; private set; }

    public Task<T> InvokeAsync<T>(GrainId target, GrainRequest request)
    {
        if (Captured is not null)
        {
            throw new InvalidOperationException("A multicast call must call exactly one grain method; this one called a second.");
        }

        Captured = request;
        return Task.FromResult(default(T)!);
    }
}
