using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Calls grains hosted by this silo: the request object is handed to the activation as it
/// is, with no copy and no serialization, under the same timeout and call-chain rules a
/// remote call follows. A call to an idle activation runs on the caller's thread
/// (<see cref="InlineGrainCalls"/>).
/// </summary>
internal sealed class LocalGrainCallInvoker(PendingCallRegistry pendingCalls, Catalog catalog) : IGrainCallInvoker
{
    private readonly InlineGrainCalls _inline = new(pendingCalls, catalog);

    /// <summary>The observers of this silo; set once the grain factory that creates them exists.</summary>
    public Actors.Observers.ObserverRegistry? Observers { get; set; }

    public Task<T> InvokeAsync<T>(GrainId target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Actors.Observers.ObserverId.Is(target) && _inline.TryInvoke<T>(target, request) is { } inline)
        {
            return inline;
        }

        var call = pendingCalls.Create<T>();
        var message = new Message(target, request, call.RequestId, call.Deadline, RequestContext.OutgoingChain(), call);
        call.Message = message;
        if (Actors.Observers.ObserverId.Is(target))
        {
            // A silo that is not networked can only reach observers made in this process.
            (Observers ?? throw new InvalidOperationException("Observers are not available in this silo.")).Invoke(Actors.Observers.ObserverId.Parse(target), message);
        }
        else
        {
            catalog.Dispatch(message);
        }
        return call.Task;
    }
}
