namespace OrleansTwitter.Grains.Fanout;

/// <summary>
/// Fans an author's events out to its followers, keyed by the author's key. It consumes the
/// author's tweet stream (an implicit subscription) and is also called directly for the rare
/// announcement of a change of celebrity status.
/// </summary>
[Alias("ot.IFanoutGrain")]
internal interface IFanoutGrain : IGrainWithStringKey
{
    /// <summary>Tells the author's active followers whether the author is a celebrity now.</summary>
    [Alias("AnnounceCelebrityAsync")]
    Task AnnounceCelebrityAsync(bool celebrity, int followerChunks, long followersVersion);
}
