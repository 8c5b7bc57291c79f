namespace OrleansTwitter.LoadGen.Workload;

/// <summary>A tweet as every target stores it: ids are time-ordered (a larger id is newer), as the product's.</summary>
internal readonly record struct Tweet(long Id, int Author, string Body);
