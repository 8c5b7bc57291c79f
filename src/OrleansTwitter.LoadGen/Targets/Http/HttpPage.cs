namespace OrleansTwitter.LoadGen.Targets.Http;

/// <summary>A page of <c>GET /api/timeline</c> (API.md), the fields a read needs.</summary>
internal sealed record HttpPage(IReadOnlyList<HttpTweet> Items);
