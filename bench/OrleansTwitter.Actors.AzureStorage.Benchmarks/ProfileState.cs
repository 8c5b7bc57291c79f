namespace OrleansTwitter.Actors.AzureStorage.Benchmarks;

/// <summary>A user-shaped state of about 1 KB of JSON, the size DESIGN.md expects of grain state.</summary>
public sealed class ProfileState
{
    public string DisplayName { get; set; } = string.Empty;

    public List<string> Following { get; set; } = [];

    public List<long> RecentTweetIds { get; set; } = [];

    public int Version { get; set; }

    public static ProfileState Sample() => new()
    {
        DisplayName = "Ada Lovelace",
        Following = [.. Enumerable.Range(0, 30).Select(i => $"followee-{i:D3}")],
        RecentTweetIds = [.. Enumerable.Range(0, 30).Select(i => 1_900_000_000_000_000_000L + i)],
    };
}
