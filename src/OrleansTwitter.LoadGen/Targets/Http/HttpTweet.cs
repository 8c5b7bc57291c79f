namespace OrleansTwitter.LoadGen.Targets.Http;

/// <summary>A tweet of the API (API.md), the fields a read needs.</summary>
internal sealed record HttpTweet(string Id, string Author, string Text);
