namespace OrleansTwitter.Actors.Transport;

/// <summary>What a frame carries. The numbers are on the wire: never renumber, only add.</summary>
internal enum FrameKind
{
    /// <summary>Who is on the other end: a silo (with its address) or a client (with its id).</summary>
    Hello = 1,

    /// <summary>A grain call.</summary>
    Request = 2,

    /// <summary>A call's result.</summary>
    Response = 3,

    /// <summary>A call's exception: type name and message.</summary>
    Error = 4,

    /// <summary>The call was refused before it ran (not the owner, shutting down): safe to send again.</summary>
    Rejection = 5,

    /// <summary>A failure-detector probe, and its answer.</summary>
    Ping = 6,
    Pong = 7,

    /// <summary>A gateway is shutting down: the client should move to another.</summary>
    Goodbye = 8,

    /// <summary>One call for many grains of one silo, and its tally.</summary>
    Multicast = 9,
    MulticastResult = 10,

    /// <summary>
    /// A grain's new owner asks its previous owner to deactivate it (writing its state) before
    /// activating it, and the answer once that is done: single activation across a view change.
    /// </summary>
    ReleaseGrain = 11,
    Released = 12,

    /// <summary>A gateway's answer to a client's hello: which grain type implements each grain interface.</summary>
    Manifest = 13,

    /// <summary>
    /// A silo declared another dead: re-read the membership table now rather than at the next
    /// refresh, so every silo stops routing there within moments of the verdict. A silo that
    /// does not know this kind ignores it and learns at its next refresh.
    /// </summary>
    MembershipChanged = 14,
}
