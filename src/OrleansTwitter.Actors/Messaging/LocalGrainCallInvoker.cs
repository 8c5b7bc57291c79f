using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Calls grains hosted by this silo: the request object is handed to the activation as it
/// is, with no copy and no serialization, under the same timeout and call-chain rules a
/// remote call follows.
/// </summary>
internal sealed class LocalGrainCallInvoker(PendingCallRegistry pendingCalls, Catalog catalog) : IGrainCallInvoker
{
    public Task<T> InvokeAsync<T>(GrainId target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = pendingCalls.Create<T>();
        var message = new Message(target, request, call.RequestId, call.Deadline, RequestContext.OutgoingChain(), call);
        call.Message = message;
        catalog.Dispatch(message);
        return call.Task;
    }
}
