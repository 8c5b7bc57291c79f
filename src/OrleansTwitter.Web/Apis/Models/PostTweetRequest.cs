namespace OrleansTwitter.Web.Apis.Models;

/// <summary>The body of <c>POST /api/tweets</c>.</summary>
internal sealed record PostTweetRequest(string? Text);
