namespace OrleansTwitter.Grains.Search;

/// <summary>
/// The indexer of one author's tweets (keyed by the author's key). It has no methods: it is
/// activated by its implicit subscription to the author's tweet stream.
/// </summary>
[Alias("ot.ITweetIndexerGrain")]
internal interface ITweetIndexerGrain : IGrainWithStringKey;
