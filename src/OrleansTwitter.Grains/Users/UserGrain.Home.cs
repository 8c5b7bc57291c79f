using System.Collections.Immutable;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Timeline;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Users;

// The home timeline: deliveries, reads with celebrities merged in, and the rebuild after activation.
internal sealed partial class UserGrain
{
    // Followees rebuilt from pulls run this many at a time, so a user who follows thousands
    // does not flood the silo with one burst of calls.
    private const int RebuildParallelism = 32;

    private bool _rebuilt;
    private TweetId? _rebuiltSince;

    // Sources the rebuild could not pull (their silo was going away, say): pulled again at the
    // next read, so that a passing failure leaves no lasting hole in the timeline.
    private HashSet<string>? _unpulled;
    private string[]? _celebrityFollowees;
    private HashSet<string>? _demotedFollowees;

    public Task DeliverAsync(Tweet tweet)
    {
        // A delivery racing an unfollow must not bring the unfollowed user's tweet back. The
        // author's key is looked up as a span: no string per delivery for a handle with capitals.
        Span<char> key = stackalloc char[TimelineLimits.MaxHandleLength];
        var length = tweet.Author.AsSpan().ToLowerInvariant(key);
        if (length > 0
            && Accounts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key[..length], out var account)
            && account.Intent != FollowIntent.Unfollow
            && Home.Add(tweet))
        {
            TimelineInstruments.Deliveries.Add(1);
            TimelineInstruments.DeliveryLag.Record((services.TimeProvider.GetUtcNow() - tweet.CreatedAt).TotalMilliseconds);
            NotifyObservers(tweet);
        }

        return Task.CompletedTask;
    }

    public Task CelebrityChangedAsync(string authorKey, bool celebrity)
    {
        if (Accounts.TryGetValue(authorKey, out var account) && account.Celebrity != celebrity)
        {
            account.Celebrity = celebrity;
            OnFollowingChanged();
            if (celebrity)
            {
                _demotedFollowees?.Remove(authorKey);
            }
            else
            {
                // Its tweets from while it was a celebrity were never pushed: pull them at the next read.
                (_demotedFollowees ??= new HashSet<string>(StringComparer.Ordinal)).Add(authorKey);
            }
        }

        return Task.CompletedTask;
    }

    public async Task<TimelinePage> GetHomeTimelineAsync(int limit, TweetId? before)
    {
        Paging.ValidateLimit(limit);
        EnsureRegistered();
        var started = services.TimeProvider.GetTimestamp();
        if (!_rebuilt)
        {
            await RebuildAsync();
        }

        if (_unpulled is { Count: > 0 })
        {
            await PullAgainAsync();
        }

        if (_demotedFollowees is { Count: > 0 })
        {
            await MergeDemotedAsync();
        }

        var celebrities = _celebrityFollowees ??= [.. Accounts.Where(a => a.Value.Active && a.Value.Celebrity).Select(a => a.Key)];
        TimelinePage page;
        if (celebrities.Length == 0)
        {
            page = Home.ReadPage(limit, before);
        }
        else
        {
            var recent = new ImmutableArray<Tweet>[celebrities.Length];
            for (var i = 0; i < celebrities.Length; i++)
            {
                recent[i] = await services.Celebrities.GetAsync(celebrities[i]);
            }

            page = MergedTimelineReader.ReadPage(Home, recent, limit, before, Options.Capacity);
        }

        TimelineInstruments.ReadDuration.Record(services.TimeProvider.GetElapsedTime(started).TotalMilliseconds);
        return page;
    }

    private void OnFollowingChanged() => _celebrityFollowees = null;

    // Following merges the followee's recent tweets into the home timeline.
    private async Task MergeFolloweeAsync(string followeeKey)
    {
        var recent = await UserTweets(followeeKey).GetRecentAsync(null, Options.PullPerFollowee);
        if (Accounts.TryGetValue(followeeKey, out var account) && account.Active)
        {
            LearnCelebrity(followeeKey, account, recent.Celebrity);
            if (!recent.Celebrity)
            {
                Home.AddRange(recent.Tweets);
            }
        }
    }

    private async Task MergeDemotedAsync()
    {
        var demoted = _demotedFollowees!;
        foreach (var key in demoted.ToList())
        {
            await MergeFolloweeAsync(key);
            demoted.Remove(key);
        }
    }

    /// <summary>
    /// Rebuilds the home timeline of a user that was not in memory: fan-out skipped it, so it
    /// pulls its own and its followees' tweets from the snapshot's window on, up to the timeline's
    /// capacity from each (or the newest <see cref="Hosting.TimelineOptions.PullPerFollowee"/> of
    /// each without a snapshot). It
    /// runs at the first read rather than at activation, so a user woken only to count a new
    /// follower pulls nothing.
    /// </summary>
    private async Task RebuildAsync()
    {
        await EnsureFollowingRepairedAsync();
        var since = _rebuiltSince = snapshot.State.Oldest;
        var sources = new List<string>(Accounts.Count + 1) { Key };
        sources.AddRange(Accounts.Where(a => a.Value.Active).Select(a => a.Key));
        var pulled = new List<Tweet>();
        foreach (var batch in sources.Chunk(RebuildParallelism))
        {
            var results = await Task.WhenAll(batch.Select(source => PullAsync(source, since)));
            foreach (var (source, recent) in results)
            {
                if (recent is null)
                {
                    (_unpulled ??= new HashSet<string>(StringComparer.Ordinal)).Add(source);
                    continue;
                }

                if (PulledTweets(source, recent) is { } tweets)
                {
                    pulled.AddRange(tweets);
                }
            }
        }

        Home.AddRange(pulled);
        _rebuilt = true;
        TimelineInstruments.Rebuilds.Add(1);
        TimelineLog.Rebuilt(services.Logger, Key, sources.Count, Home.Count);
    }

    private async Task PullAgainAsync()
    {
        var unpulled = _unpulled!;
        foreach (var source in unpulled.ToList())
        {
            // Unfollowed since: nothing to pull.
            if (source != Key && !(Accounts.TryGetValue(source, out var account) && account.Active))
            {
                unpulled.Remove(source);
                continue;
            }

            var (_, recent) = await PullAsync(source, _rebuiltSince);
            if (recent is null)
            {
                continue;
            }

            unpulled.Remove(source);
            if (PulledTweets(source, recent) is { } tweets)
            {
                Home.AddRange(tweets);
            }
        }
    }

    // The pulled tweets that belong in the home timeline: none of a celebrity's, merged on read instead.
    private IReadOnlyCollection<Tweet>? PulledTweets(string source, RecentTweets recent)
    {
        if (source != Key && Accounts.TryGetValue(source, out var account))
        {
            LearnCelebrity(source, account, recent.Celebrity);
            if (recent.Celebrity)
            {
                return null;
            }
        }

        return recent.Tweets;
    }

    private async Task<(string Source, RecentTweets? Recent)> PullAsync(string source, TweetId? since)
    {
        try
        {
            return (source, await UserTweets(source).GetRecentAsync(since, PullLimit(since)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One unreachable followee must not cost the user its whole timeline.
            TimelineLog.RebuildPullFailed(services.Logger, exception, Key, source);
            return (source, null);
        }
    }

    // With a snapshot's window, all of each source's tweets in it, up to what the timeline holds:
    // the newest PullPerFollowee of a source that posted more in the window dropped its older
    // tweets from a timeline that had them (chaos rolling, 2026-12-06: 15 tweets "lost"). A
    // source's tweets beyond the capacity cannot be in the timeline, whatever the others posted.
    // Without a window (no snapshot yet), PullPerFollowee, as a follow pulls.
    private int PullLimit(TweetId? since) => since is null ? Options.PullPerFollowee : Options.Capacity;

    // A followee's tweets say whether it is a celebrity: the announcement may have missed us.
    private void LearnCelebrity(string key, FollowedAccount account, bool celebrity)
    {
        if (account.Celebrity != celebrity)
        {
            account.Celebrity = celebrity;
            OnFollowingChanged();
        }

        if (celebrity)
        {
            _demotedFollowees?.Remove(key);
        }
    }
}
