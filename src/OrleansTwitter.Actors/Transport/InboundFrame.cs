using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// A decoded frame; which members are set depends on <see cref="Kind"/>. A struct: one is
/// decoded per frame, and as an object it was the largest single allocation of a silo serving
/// calls. It is passed by value, and only the decoder writes it.
/// </summary>
internal struct InboundFrame
{
    public FrameKind Kind { get; set; }

    public long Id { get; set; }

    // Hello
    public SiloAddress? Silo { get; set; }

    public string? ClientId { get; set; }

    // Request and Multicast
    public GrainId Target { get; set; }

    public string? GrainType { get; set; }

    public List<string>? Keys { get; set; }

    public bool ActivationOptional { get; set; }

    public GrainRequest? Request { get; set; }

    public DateTimeOffset Deadline { get; set; }

    public int ForwardCount { get; set; }

    public CallChain? CallChain { get; set; }

    // Response, Error, Rejection
    public object? Result { get; set; }

    public string? ErrorType { get; set; }

    public string? ErrorMessage { get; set; }

    // Manifest: interface full name to grain type
    public Dictionary<string, string>? GrainTypes { get; set; }

    // MulticastResult
    public int Delivered { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }
}
