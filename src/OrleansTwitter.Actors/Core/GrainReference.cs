using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Core;

/// <summary>
/// Base class of the generated grain proxies. A reference is cheap, immutable and can be
/// held, compared and passed around freely; the grain it names is activated on demand.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    private readonly IGrainCallInvoker _invoker;

    protected GrainReference(IGrainCallInvoker invoker, GrainId grainId)
    {
        _invoker = invoker;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    /// <summary>Used by generated proxies for methods that return a value.</summary>
    protected Task<T> InvokeAsync<T>(GrainRequest request) => _invoker.InvokeAsync<T>(GrainId, request);

    /// <summary>Used by generated proxies for methods that return no value.</summary>
    protected Task InvokeAsync(GrainRequest request) => _invoker.InvokeAsync<object?>(GrainId, request);

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}
