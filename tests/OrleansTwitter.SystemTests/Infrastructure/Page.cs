using System.Text.Json;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>A page of tweets (API.md): the ids, newest first, and the <c>before</c> value of the next page.</summary>
internal sealed record Page(IReadOnlyList<string> Ids, string? Next)
{
    public static Page From(JsonElement body) => new(
        [.. body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)],
        body.GetProperty("next").GetString());
}
