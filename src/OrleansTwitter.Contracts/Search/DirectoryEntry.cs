namespace OrleansTwitter.Contracts.Search;

/// <summary>A registered user, as the directory lists it.</summary>
/// <param name="Handle">As registered.</param>
/// <param name="DisplayName">The display name.</param>
[GenerateSerializer, Immutable, Alias("ot.DirectoryEntry")]
public sealed record DirectoryEntry([property: Id(0)] string Handle, [property: Id(1)] string DisplayName);
