using OrleansTwitter.Contracts;

namespace OrleansTwitter.Web.Live;

/// <summary>The last few tweet ids an event stream sent, so a tweet that arrives twice is sent once.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<TweetId> _ids = new(capacity);
    private readonly Queue<TweetId> _order = new(capacity);

    /// <summary>True when <paramref name="id"/> was not among the recent ones (it is now).</summary>
    public bool Add(TweetId id)
    {
        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
