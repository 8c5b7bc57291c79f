namespace OrleansTwitter.Actors.AzureStorage.Tests.Grains;

/// <summary>The persisted state of a <see cref="FollowGraphGrain"/>.</summary>
public sealed class FollowGraphState
{
    public List<string> Following { get; set; } = [];

    public List<long> TweetIds { get; set; } = [];
}
