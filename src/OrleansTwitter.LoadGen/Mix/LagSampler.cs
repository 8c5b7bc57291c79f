using System.Diagnostics;
using System.Threading.Channels;
using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.Workload;

namespace OrleansTwitter.LoadGen.Mix;

/// <summary>
/// Delivery lag: now and then one of the mix's posts is sampled as it starts; an active
/// follower of its author is picked at random, and that follower's home timeline is read
/// every <see cref="PollEvery"/> until the tweet is in it. The lag is from the post's start to
/// the read that found it, so it includes the post itself and, for targets that fan out after
/// the post returns, the fan-out. One sample at a time; the polling reads are not counted as
/// the mix's reads.
/// </summary>
internal sealed class LagSampler(ITimelineTarget target, TimelineWorkload workload, MixWindow window, int seed)
{
    /// <summary>Between polls: the lag's resolution, give or take a read.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(2);

    /// <summary>A tweet not seen this long after its post counts as an error (the product promises 1 s).</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    /// <summary>Pause between samples, so that polling stays a small share of the load.</summary>
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(50);

    private readonly Channel<(Tweet Tweet, long Started)> _offered = Channel.CreateBounded<(Tweet, long)>(1);
    private readonly Random _random = new(unchecked((seed * 104729) + 3));
    private int _wanted;

    public List<long> LagTicks { get; } = [];

    /// <summary>Called by a caller as a post starts: the post becomes the sample if one is wanted.</summary>
    public void Offer(Tweet tweet, long started)
    {
        if (Volatile.Read(ref _wanted) == 1 && Interlocked.CompareExchange(ref _wanted, 0, 1) == 1)
        {
            _offered.Writer.TryWrite((tweet, started));
        }
    }

    /// <summary>Samples posts while the window is open; returns once it has closed and the last sample is settled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (window.IsMeasuring)
        {
            Volatile.Write(ref _wanted, 1);
            (Tweet Tweet, long Started) sample;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                // Posts are one operation in 66; a second is plenty, and the window may close meanwhile.
                wait.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    sample = await _offered.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue;
                }
            }

            if (PickActiveFollower(sample.Tweet.Author) is not { } follower)
            {
                continue;
            }

            await FollowAsync(sample.Tweet, sample.Started, follower, cancellationToken);
            await Task.Delay(Spacing, cancellationToken);
        }

        Volatile.Write(ref _wanted, 0);
    }

    private async Task FollowAsync(Tweet tweet, long started, int follower, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var entries = await target.ReadAsync(follower, cancellationToken);
                var now = Stopwatch.GetTimestamp();
                if (entries.Any(e => e.TweetId == tweet.Id))
                {
                    LagTicks.Add(now - started);
                    return;
                }

                if (Stopwatch.GetElapsedTime(started, now) > GiveUpAfter)
                {
                    window.Fail($"tweet {tweet.Id} by user {tweet.Author} was not in follower {follower}'s home timeline {GiveUpAfter.TotalSeconds:0} s after it was posted");
                    return;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                window.Fail($"delivery-lag read by user {follower}: {exception.GetType().Name}: {exception.Message}");
                return;
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    // From a random place in the follower list, the first active follower; none if no follower is active.
    private int? PickActiveFollower(int author)
    {
        var followers = workload.Graph.FollowersOf(author);
        if (followers.Length == 0)
        {
            return null;
        }

        var start = _random.Next(followers.Length);
        for (var i = 0; i < followers.Length; i++)
        {
            var follower = followers[(start + i) % followers.Length];
            if (workload.Active.Contains(follower))
            {
                return follower;
            }
        }

        return null;
    }
}
