using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Apis.Models;

/// <summary>A page of a follow list: <c>{ "items": [handle...], "next": cursor-or-null }</c>.</summary>
internal sealed record HandlePageResponse(IReadOnlyList<string> Items, string? Next)
{
    public static HandlePageResponse From(HandlePage page) => new(page.Items, page.Next);
}
