using System.Diagnostics;
using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.Workload;

namespace OrleansTwitter.LoadGen.Mix;

/// <summary>
/// One caller of the closed loop: it picks an active user at random, then a read or (one time
/// in <c>ReadsPerPost + 1</c>) a post by that user, and starts the next operation when this
/// one returns. What completes in the measured window is counted here, unshared, and summed
/// when the run ends.
/// </summary>
internal sealed class MixCaller(int index, ITimelineTarget target, TimelineWorkload workload, MixSettings settings, MixWindow window, LagSampler lag)
{
    public List<long> ReadTicks { get; } = [];

    public List<long> PostTicks { get; } = [];

    public long EntriesRead { get; private set; }

    /// <summary>Follower timelines the counted posts reached.</summary>
    public long Deliveries { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(unchecked((settings.Seed * 7919) + index));
        var active = workload.Active.Users;
        while (!window.IsStopping)
        {
            var user = active[random.Next(active.Count)];
            var post = random.Next(settings.ReadsPerPost + 1) == 0;
            try
            {
                if (post)
                {
                    var id = window.NextTweetId();
                    var tweet = new Tweet(id, user, TweetText.For(id, user));
                    var started = Stopwatch.GetTimestamp();
                    lag.Offer(tweet, started);
                    await target.PostAsync(tweet, cancellationToken);
                    if (window.IsMeasuring)
                    {
                        PostTicks.Add(Stopwatch.GetTimestamp() - started);
                        Deliveries += workload.Graph.FollowerCount(user);
                    }
                }
                else
                {
                    var started = Stopwatch.GetTimestamp();
                    var entries = await target.ReadAsync(user, cancellationToken);
                    if (window.IsMeasuring)
                    {
                        ReadTicks.Add(Stopwatch.GetTimestamp() - started);
                        EntriesRead += entries.Count;
                    }
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Counted and reported, never fatal: the run says how many operations failed and why.
                window.Fail($"{(post ? "post" : "read")} by user {user}: {exception.GetType().Name}: {exception.Message}");
            }
        }
    }
}
