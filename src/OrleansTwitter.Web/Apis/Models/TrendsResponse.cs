using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Web.Apis.Models;

/// <summary>The trends: <c>{ "items": [ { "tag", "count" } ], "windowSeconds" }</c>.</summary>
internal sealed record TrendsResponse(IReadOnlyList<TrendResponse> Items, int WindowSeconds)
{
    public static TrendsResponse From(TrendingTags trends) =>
        new([.. trends.Items.Select(t => new TrendResponse(t.Tag, t.Count))], trends.WindowSeconds);
}
