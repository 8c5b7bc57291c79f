using System.Collections.Concurrent;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Delivery;

/// <summary>
/// One silo's record of the tweets its user grains were handed by fan-out (each
/// <c>DeliverAsync</c> call, counted where it is received), and a gate that can hold chosen
/// deliveries until the test releases them, so that a test can act while a fan-out is in flight.
/// </summary>
internal sealed class DeliveryProbe
{
    private readonly ConcurrentDictionary<(string Follower, TweetId Tweet), int> _arrivals = new();
    private readonly ConcurrentDictionary<string, SiloAddress> _streamAgents = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Func<string, Tweet, bool>? _hold;
    private int _held;

    /// <summary>Deliveries the gate holds right now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>How many times <paramref name="followerKey"/>'s grain on this silo was handed <paramref name="tweet"/>.</summary>
    public int Arrivals(string followerKey, TweetId tweet) => _arrivals.GetValueOrDefault((followerKey, tweet));

    /// <summary>The silo whose stream agent last delivered an event to the fan-out grain <paramref name="authorKey"/> on this silo, if any did.</summary>
    public SiloAddress? StreamAgentOf(string authorKey) => _streamAgents.GetValueOrDefault(authorKey);

    /// <summary>Called by <see cref="DeliveryProbeFilter"/> when a stream agent delivers an event to a fan-out grain here.</summary>
    public void OnStreamEvent(string authorKey, SiloAddress agentSilo) => _streamAgents[authorKey] = agentSilo;

    /// <summary>Holds every delivery that <paramref name="which"/> selects (follower key, tweet) until <see cref="Release"/>.</summary>
    public void Hold(Func<string, Tweet, bool> which) => _hold = which;

    /// <summary>Lets every held delivery, and every later one, through.</summary>
    public void Release()
    {
        _hold = null;
        _released.TrySetResult();
    }

    /// <summary>Called by <see cref="DeliveryProbeFilter"/> before the grain handles the delivery.</summary>
    public async Task OnDeliverAsync(string followerKey, Tweet tweet)
    {
        _arrivals.AddOrUpdate((followerKey, tweet.Id), 1, (_, n) => n + 1);
        if (_hold is { } hold && hold(followerKey, tweet))
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _released.Task;
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }
    }
}
