namespace OrleansTwitter.Contracts;

/// <summary>One page of a follow list: handles in a stable order, and where the next page starts.</summary>
/// <param name="Items">Handles as registered.</param>
/// <param name="Next">The cursor of the following page (opaque); null when this is the last page.</param>
[GenerateSerializer, Immutable, Alias("ot.HandlePage")]
public sealed record HandlePage([property: Id(0)] IReadOnlyList<string> Items, [property: Id(1)] string? Next)
{
    /// <summary>A page with nothing on it and nothing after it.</summary>
    public static HandlePage Empty { get; } = new([], null);
}
