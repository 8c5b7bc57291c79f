using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// The grains a call passed through, oldest first. Immutable and shared: appending makes a
/// new head that points at the old one, so a deep chain costs one small object per hop.
/// It exists to name the chain in deadlock and timeout errors.
/// </summary>
public sealed class CallChain
{
    private CallChain(GrainId grain, string method, CallChain? previous)
    {
        Grain = grain;
        Method = method;
        Previous = previous;
        Depth = previous is null ? 1 : previous.Depth + 1;
    }

    public GrainId Grain { get; }

    /// <summary>The method that was running on <see cref="Grain"/> when it made the next call.</summary>
    public string Method { get; }

    public CallChain? Previous { get; }

    public int Depth { get; }

    public static CallChain Start(GrainId grain, string method) => new(grain, method, null);

    public CallChain Append(GrainId grain, string method) => new(grain, method, this);

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
