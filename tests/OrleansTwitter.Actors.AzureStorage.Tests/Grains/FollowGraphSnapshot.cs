using System.Collections.Immutable;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Grains;

/// <summary>What a <see cref="IFollowGraphGrain"/> holds, and the ETag of the record it was loaded or written at.</summary>
public sealed record FollowGraphSnapshot(ImmutableArray<string> Following, ImmutableArray<long> TweetIds, string? ETag);
