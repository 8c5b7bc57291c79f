using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Trends;

namespace OrleansTwitter.Grains.Search;

/// <summary>
/// Indexes an author's tweets off the post path: a second implicit subscriber of the author's
/// tweet stream, beside the fan-out, so a post never waits on indexing. Celebrities publish to
/// the stream too (the fan-out skips their tweets), so their tweets are searchable and trend.
/// </summary>
/// <remarks>
/// <para>The tweet's terms go to this silo's <see cref="IndexWriteBuffer"/>, which writes them in
/// batches, and its hashtags to this silo's <see cref="TrendCounter"/>. Streams deliver at least
/// once: the grain drops the last 64 ids it indexed, term grains ignore ids they hold, and the
/// trend counter drops ids it counted.</para>
/// <para>Placed on the silo whose stream agent delivers the event, so indexing and trend counting
/// spread over the silos with the stream queues instead of following the author.</para>
/// </remarks>
[GrainType("search-indexer")]
[PreferLocalPlacement]
[ImplicitStreamSubscription(TimelineStreams.TweetsNamespace)]
internal sealed class TweetIndexerGrain(IndexWriteBuffer index, TrendCounter trends, IOptions<SearchOptions> options) : Grain, ITweetIndexerGrain
{
    private const int RememberedTweets = 64;
    private readonly HashSet<TweetId> _recentTweets = [];
    private readonly Queue<TweetId> _recentOrder = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.GetStreamProvider(TimelineStreams.ProviderName)
            .GetStream<TweetPosted>(TimelineStreams.Tweets(this.GetPrimaryKeyString()))
            .SubscribeAsync(OnTweetPostedAsync);

    private Task OnTweetPostedAsync(TweetPosted posted, StreamSequenceToken? token)
    {
        var tweet = posted.Tweet;
        if (!options.Value.Indexing || _recentTweets.Contains(tweet.Id))
        {
            return Task.CompletedTask;
        }

        index.Add(tweet.Id, SearchTerms.OfText(tweet.Text));
        trends.Count(tweet);
        SearchInstruments.TweetsIndexed.Add(1);
        if (_recentTweets.Add(tweet.Id))
        {
            _recentOrder.Enqueue(tweet.Id);
            if (_recentOrder.Count > RememberedTweets)
            {
                _recentTweets.Remove(_recentOrder.Dequeue());
            }
        }

        return Task.CompletedTask;
    }
}
