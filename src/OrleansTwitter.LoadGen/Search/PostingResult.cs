namespace OrleansTwitter.LoadGen.Search;

/// <summary>One posting run: posts acknowledged in the measured window, their rate, failed posts, and every post of the run (warm-up too).</summary>
internal sealed record PostingResult(long Posts, double PostsPerSecond, long Errors, string? FirstError, long TotalPosts);
