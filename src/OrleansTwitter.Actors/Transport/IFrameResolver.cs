using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Transport;

/// <summary>What decoding needs from the runtime: request types by id, and the request a response answers.</summary>
internal interface IFrameResolver
{
    /// <summary>An empty request for a method, or null when this process does not know it.</summary>
    GrainRequest? CreateRequest(int interfaceId, int methodId);

    /// <summary>The request still waiting for response <paramref name="requestId"/>, or null when nobody waits any more.</summary>
    GrainRequest? PendingRequest(long requestId);

    /// <summary>A reference of <paramref name="interfaceType"/> to <paramref name="grain"/>, bound to this process.</summary>
    Core.GrainReference CreateReference(Type interfaceType, Core.GrainId grain);
}
