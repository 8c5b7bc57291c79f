namespace OrleansTwitter.LoadGen.Graph;

/// <summary>A graph's shape as the <c>graph</c> command prints it and the benchmark's JSON records it.</summary>
internal sealed record GraphShape(
    int Users,
    long Follows,
    double MeanFollowers,
    int MedianFollowers,
    int P99Followers,
    int MaxFollowers,
    int Celebrities,
    int CelebrityThreshold);
