namespace OrleansTwitter.Web.Apis.Models;

/// <summary>A trending hashtag: <c>{ "tag", "count" }</c>.</summary>
internal sealed record TrendResponse(string Tag, long Count);
