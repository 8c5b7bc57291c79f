namespace OrleansTwitter.Contracts;

/// <summary>The rules for page sizes, shared by timelines and follow lists.</summary>
public static class Paging
{
    /// <summary>True when <paramref name="limit"/> is a page size a request may ask for.</summary>
    public static bool IsValidLimit(int limit) => limit is >= TimelineLimits.MinPageSize and <= TimelineLimits.MaxPageSize;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> saying the range when <paramref name="limit"/> is outside it.</summary>
    public static void ValidateLimit(int limit, string parameterName = "limit")
    {
        if (!IsValidLimit(limit))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                limit,
                $"A page size ('{parameterName}') is between {TimelineLimits.MinPageSize} and {TimelineLimits.MaxPageSize}; it is {limit}.");
        }
    }
}
