namespace OrleansTwitter.Contracts;

/// <summary>
/// A tweet. Immutable once posted: one instance is shared by every home timeline in a silo
/// that holds it, so it must never be changed. Orleans passes it by reference within a silo
/// (<see cref="ImmutableAttribute"/>), so a delivery to many followers copies nothing.
/// </summary>
/// <param name="Id">Its id; a larger id is newer.</param>
/// <param name="Author">The author's handle as registered (display form).</param>
/// <param name="Text">The trimmed text.</param>
/// <param name="CreatedAt">When it was posted (UTC; the instant its id encodes).</param>
[GenerateSerializer, Immutable, Alias("ot.Tweet")]
public sealed record Tweet([property: Id(0)] TweetId Id, [property: Id(1)] string Author, [property: Id(2)] string Text, [property: Id(3)] DateTimeOffset CreatedAt)
{
#if CONTRACTS_V2
    /// <summary>
    /// Only in the second build the rolling-upgrade scenario runs (<c>chaos rolling-new-contracts</c>,
    /// built with <c>OrleansTwitterContractsV2=true</c>): a field added the way the design's
    /// rule says, under a new <c>[Id]</c>, with no other field renumbered. Its value is not the
    /// default, so the new build always sends it, and old silos and clients must skip it.
    /// </summary>
    [Id(4)]
    public int ContractRevision { get; init; } = 2;
#endif
}
