using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// The request a piece of grain code is running for. It lives in an AsyncLocal so that the
/// interleaved requests of a reentrant grain each see their own, and so that it flows through
/// awaits into the calls the grain makes, which extend the call chain.
/// </summary>
internal static class RequestContext
{
    private static readonly AsyncLocal<Frame?> s_current = new();

    public static Frame? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>The chain an outgoing call made now carries.</summary>
    public static CallChain? OutgoingChain()
    {
        var frame = s_current.Value;
        if (frame is null)
        {
            return null;
        }

        return frame.Incoming is null
            ? CallChain.Start(frame.Grain, frame.Method, frame.RequestId)
            : frame.Incoming.Append(frame.Grain, frame.Method, frame.RequestId);
    }

    /// <summary>A grain running a method for request <see cref="RequestId"/>, having been called along <see cref="Incoming"/>.</summary>
    internal sealed record Frame(GrainId Grain, string Method, long RequestId, CallChain? Incoming);
}
