using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// Generates <see cref="TweetId"/>s for one node: strictly increasing, and unique as long as no
/// other running node has the same node id. Thread-safe; one per silo.
/// </summary>
/// <remarks>
/// When the clock goes backwards, or a millisecond's 4,096 sequence numbers run out, it does not
/// wait for the clock: it moves on to the next millisecond of its own (ids run slightly ahead of
/// the clock, by at most the burst size / 4,096 ms, and the clock catches up). So it never blocks
/// a grain turn, never spins, and stays monotonic under a clock that only tests move.
/// </remarks>
internal sealed class TweetIdGenerator
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private long _lastMilliseconds = -1;
    private int _sequence;

    public TweetIdGenerator(TimeProvider timeProvider, int nodeId)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodeId, TweetId.MaxNodeId);
        _timeProvider = timeProvider;
        NodeId = nodeId;
    }

    public int NodeId { get; }

    public TweetId Next()
    {
        var now = Math.Clamp((long)(_timeProvider.GetUtcNow() - TweetId.Epoch).TotalMilliseconds, 0, TweetId.MaxMilliseconds);
        lock (_lock)
        {
            if (now > _lastMilliseconds)
            {
                _lastMilliseconds = now;
                _sequence = 0;
            }
            else if (++_sequence > TweetId.MaxSequence)
            {
                _lastMilliseconds++;
                _sequence = 0;
            }

            return TweetId.Create(_lastMilliseconds, NodeId, _sequence);
        }
    }
}
