using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// A request travelling to a grain. The header fields are the ones every hop needs: the
/// target, the request (which carries the interface and method ids), an id for matching the
/// response, a deadline after which nobody waits for the answer, a forward count that bounds
/// re-routing, and the call chain that deadlock errors name.
/// </summary>
internal sealed class Message
{
    public Message(GrainId target, GrainRequest request, long requestId, DateTimeOffset deadline, CallChain? callChain, IResponseSink responseSink)
    {
        Target = target;
        Request = request;
        RequestId = requestId;
        Deadline = deadline;
        CallChain = callChain;
        ResponseSink = responseSink;
    }

    public GrainId Target { get; }

    public GrainRequest Request { get; }

    public long RequestId { get; }

    public DateTimeOffset Deadline { get; }

    /// <summary>The callers, oldest first; null for a call from outside any grain.</summary>
    public CallChain? CallChain { get; }

    /// <summary>How many times a silo has passed this message on to another.</summary>
    public int ForwardCount { get; set; }

    /// <summary>Where the response goes: a local pending call, or a connection back to a remote caller.</summary>
    public IResponseSink ResponseSink { get; }

    public override string ToString() => $"#{RequestId} {Request} on {Target}";
}
