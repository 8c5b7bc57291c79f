namespace OrleansTwitter.Grains.Hosting;

/// <summary>
/// Search and trends settings, bound from the <c>Search</c> configuration section and validated
/// when the silo starts (a bad value stops it with a message naming the key).
/// </summary>
public sealed class SearchOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Search";

    /// <summary>The shortest window the trends may cover: one trend bucket.</summary>
    public static readonly TimeSpan MinTrendWindow = TimeSpan.FromMinutes(1);

    /// <summary>The longest: a week of 10-second buckets is 60,480 buckets, which one grain still holds.</summary>
    public static readonly TimeSpan MaxTrendWindow = TimeSpan.FromDays(7);

    /// <summary><c>Search:TrendWindow</c>: the trends count the tweets of this last stretch of time.</summary>
    /// <value>1 hour (<c>01:00:00</c>); 00:01:00 to 7.00:00:00.</value>
    public TimeSpan TrendWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The shortest <see cref="IndexWriteDelay"/>.</summary>
    public static readonly TimeSpan MinIndexWriteDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest <see cref="IndexWriteDelay"/>.</summary>
    public static readonly TimeSpan MaxIndexWriteDelay = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>Search:IndexWriteDelay</c>: how long a term's newly indexed ids may wait before its
    /// list (up to 10,000 ids) is written to grain storage. A term that keeps getting ids is
    /// written once per delay, so a common word costs its whole list per delay in storage writes;
    /// a silo that crashes loses the index entries of its terms' last delay (the tweets stay
    /// stored and on timelines; those searches miss them). A graceful stop writes everything.
    /// </summary>
    /// <value>10 s (<c>00:00:10</c>); 00:00:00.1 to 00:10:00. It was 2 s; in a rolling-upgrade
    /// chaos run at 2 s, Azurite answered nothing for 20 s while a stopping silo's term grains
    /// wrote their lists (2026-12-06), and these writes are a load we can cut.</value>
    public TimeSpan IndexWriteDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>Search:Indexing</c>: whether this silo indexes tweets and counts hashtags. A benchmark
    /// switch, not for operators: the <c>search</c> load generator turns it off in the silos of its
    /// comparison runs (posts/s with indexing off). Off, the indexer drops each stream event it is
    /// handed, and searches and trends find nothing new.
    /// </summary>
    /// <value>True.</value>
    public bool Indexing { get; set; } = true;
}
