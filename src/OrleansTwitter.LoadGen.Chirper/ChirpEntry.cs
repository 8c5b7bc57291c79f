namespace OrleansTwitter.LoadGen.Chirper;

/// <summary>A chirp as every follower's grain keeps it: Chirper copies the message into each follower's list.</summary>
[GenerateSerializer, Immutable, Alias("bench.ChirpEntry")]
internal sealed record ChirpEntry([property: Id(0)] long Id, [property: Id(1)] int Author, [property: Id(2)] string Body);
