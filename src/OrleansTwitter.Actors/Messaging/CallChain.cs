using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// The grains a call passed through, oldest first. Immutable and shared: appending makes a
/// new head that points at the old one, so a deep chain costs one small object per hop.
/// It exists to name the chain in deadlock and timeout errors.
/// </summary>
public sealed class CallChain
{
    private CallChain(GrainId grain, string method, long requestId, CallChain? previous)
    {
        Grain = grain;
        Method = method;
        RequestId = requestId;
        Previous = previous;
        Depth = previous is null ? 1 : previous.Depth + 1;
    }

    public GrainId Grain { get; }

    /// <summary>The method that was running on <see cref="Grain"/> when it made the next call.</summary>
    public string Method { get; }

    /// <summary>The id of the request <see cref="Grain"/> was serving, so a cycle back into that very request can be told apart from a later, unrelated one.</summary>
    public long RequestId { get; }

    public CallChain? Previous { get; }

    public int Depth { get; }

    public static CallChain Start(GrainId grain, string method, long requestId) => new(grain, method, requestId, null);

    public CallChain Append(GrainId grain, string method, long requestId) => new(grain, method, requestId, this);

    public bool Contains(GrainId grain)
    {
        for (var link = this; link is not null; link = link.Previous)
        {
            if (link.Grain == grain)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the chain passed through <paramref name="grain"/> while it served request <paramref name="requestId"/>.</summary>
    public bool Contains(GrainId grain, long requestId)
    {
        for (var link = this; link is not null; link = link.Previous)
        {
            if (link.RequestId == requestId && link.Grain == grain)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some grain on the chain was serving request <paramref name="requestId"/>: the chain descends from that request.</summary>
    public bool DescendsFrom(long requestId)
    {
        for (var link = this; link is not null; link = link.Previous)
        {
            if (link.RequestId == requestId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The links oldest first.</summary>
    public IReadOnlyList<CallChain> ToList()
    {
        var links = new CallChain[Depth];
        var index = Depth - 1;
        for (var link = this; link is not null; link = link.Previous)
        {
            links[index--] = link;
        }

        return links;
    }

    /// <summary>For example <c>a/1.Ping -> b/2.Pong</c>.</summary>
    public override string ToString() => string.Join(" -> ", ToList().Select(l => $"{l.Grain}.{l.Method}"));
}
