using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Apis.Models;

/// <summary>A page of a timeline, newest first: <c>{ "items": [tweet...], "next": "&lt;id&gt;" | null }</c>.</summary>
internal sealed record TweetPageResponse(IReadOnlyList<TweetResponse> Items, string? Next)
{
    public static TweetPageResponse From(TimelinePage page) =>
        new([.. page.Items.Select(TweetResponse.From)], page.Next?.ToString());
}
