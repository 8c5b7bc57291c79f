namespace OrleansTwitter.Grains.Followers;

/// <summary>
/// A user's bookkeeping of its followers, persisted apart from the follower sets (which are in
/// <see cref="FollowerChunkGrain"/>s): a few numbers, whatever the follower count.
/// </summary>
[GenerateSerializer, Alias("ot.FollowersState")]
internal sealed class FollowersState
{
    public const string Name = "followers";

    [Id(0)]
    public long Count { get; set; }

    /// <summary>The chunk new followers go to; every chunk below it has had its share handed out.</summary>
    [Id(1)]
    public int OpenChunk { get; set; }

    /// <summary>Places in <see cref="OpenChunk"/> handed out to followers so far.</summary>
    [Id(2)]
    public int OpenChunkReserved { get; set; }

    /// <summary>The number of the last batch of follower operations; it changes whenever the follower set does.</summary>
    [Id(3)]
    public long Version { get; set; }

    [Id(4)]
    public bool Celebrity { get; set; }

    /// <summary>The celebrity status followers were last told of (a crash may fall between the change and the announcement).</summary>
    [Id(5)]
    public bool CelebrityAnnounced { get; set; }

    /// <summary>The batch in progress: journaled before the chunks change, cleared once counted.</summary>
    [Id(6)]
    public FollowerBatch? InFlight { get; set; }
}

/// <summary>Adds and removes of followers applied together, numbered by <see cref="FollowersState.Version"/>.</summary>
[GenerateSerializer, Alias("ot.FollowerBatch")]
internal sealed record FollowerBatch([property: Id(0)] long Version, [property: Id(1)] List<FollowerOperation> Operations);

/// <summary>One add or remove of a follower in one chunk.</summary>
[GenerateSerializer, Immutable, Alias("ot.FollowerOperation")]
internal sealed record FollowerOperation([property: Id(0)] string Follower, [property: Id(1)] int Chunk, [property: Id(2)] bool Add);
