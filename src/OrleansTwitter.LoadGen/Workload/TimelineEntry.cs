namespace OrleansTwitter.LoadGen.Workload;

/// <summary>One entry of a home timeline as a read returns it: the tweet with its body.</summary>
internal readonly record struct TimelineEntry(long TweetId, int Author, string Body);
