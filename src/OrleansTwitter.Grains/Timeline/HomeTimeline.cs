using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Timeline;

/// <summary>
/// A bounded home timeline: tweets sorted by id, at most <see cref="Capacity"/>, no id twice.
/// A full timeline evicts its oldest entry for a newer one and refuses an older one.
/// </summary>
/// <remarks>
/// Designed for memory and for the read path. It is a ring of references to the shared,
/// immutable <see cref="Tweet"/> objects (8 bytes an entry: 6.4 KB for 800), in ascending id
/// order, so the common delivery (a tweet newer than every entry) is an O(1) append that
/// overwrites the oldest slot, and a page is a binary search for <c>before</c> and a backwards
/// copy. The ring grows by doubling up to the capacity, so a quiet user costs little. Not
/// thread-safe: only its grain's turns touch it.
/// </remarks>
internal sealed class HomeTimeline
{
    private const int InitialSize = 16;
    private Tweet[] _items;
    private int _start;

    public HomeTimeline(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _items = new Tweet[Math.Min(capacity, InitialSize)];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>The entry at <paramref name="index"/> in ascending order: 0 is the oldest, Count - 1 the newest.</summary>
    public Tweet this[int index] => _items[Physical(index)];

    public Tweet? Newest => Count == 0 ? null : this[Count - 1];

    public Tweet? Oldest => Count == 0 ? null : this[0];

    /// <summary>Adds a tweet. False when its id is already here, or it is older than every entry of a full timeline.</summary>
    public bool Add(Tweet tweet)
    {
        var id = tweet.Id.Value;
        if (Count == 0 || id > this[Count - 1].Id.Value)
        {
            if (Count == Capacity)
            {
                EvictOldest();
            }

            EnsureRoom();
            _items[Physical(Count)] = tweet;
            Count++;
            return true;
        }

        var position = LowerBound(id);
        if (position < Count && this[position].Id.Value == id)
        {
            return false;
        }

        if (Count == Capacity)
        {
            if (position == 0)
            {
                return false;
            }

            EvictOldest();
            position--;
        }

        EnsureRoom();
        for (var i = Count; i > position; i--)
        {
            _items[Physical(i)] = _items[Physical(i - 1)];
        }

        _items[Physical(position)] = tweet;
        Count++;
        return true;
    }

    /// <summary>Adds many tweets, in any order. Large batches are merged in one pass.</summary>
    public void AddRange(IReadOnlyCollection<Tweet> tweets)
    {
        if (tweets.Count <= 8)
        {
            foreach (var tweet in tweets)
            {
                Add(tweet);
            }

            return;
        }

        // Sort everything, keep the newest Capacity distinct ids: O(n log n) instead of a shift per insert.
        var all = new List<Tweet>(Count + tweets.Count);
        for (var i = 0; i < Count; i++)
        {
            all.Add(this[i]);
        }

        all.AddRange(tweets);
        all.Sort(static (a, b) => a.Id.Value.CompareTo(b.Id.Value));
        var distinct = new List<Tweet>(all.Count);
        foreach (var tweet in all)
        {
            if (distinct.Count == 0 || distinct[^1].Id != tweet.Id)
            {
                distinct.Add(tweet);
            }
        }

        var keep = Math.Min(Capacity, distinct.Count);
        Reset(distinct, distinct.Count - keep, keep);
    }

    /// <summary>Removes every entry that <paramref name="match"/> selects; returns how many.</summary>
    public int RemoveAll(Func<Tweet, bool> match)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            var tweet = this[i];
            if (!match(tweet))
            {
                _items[Physical(kept++)] = tweet;
            }
        }

        var removed = Count - kept;
        for (var i = kept; i < Count; i++)
        {
            _items[Physical(i)] = null!;
        }

        Count = kept;
        return removed;
    }

    public bool Contains(TweetId id)
    {
        var position = LowerBound(id.Value);
        return position < Count && this[position].Id == id;
    }

    /// <summary>
    /// The index of the first entry whose id is at least <paramref name="id"/> (Count when none):
    /// entries below it are older than <paramref name="id"/>.
    /// </summary>
    public int LowerBound(long id)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (this[middle].Id.Value < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Up to <paramref name="limit"/> entries older than <paramref name="before"/> (all when null), newest first.</summary>
    public TimelinePage ReadPage(int limit, TweetId? before)
    {
        var end = before is { } b ? LowerBound(b.Value) : Count;
        var take = Math.Min(limit, end);
        if (take == 0)
        {
            return TimelinePage.Empty;
        }

        var items = new Tweet[take];
        for (var k = 0; k < take; k++)
        {
            items[k] = _items[Physical(end - 1 - k)];
        }

        return new TimelinePage(items, end > take ? items[take - 1].Id : null);
    }

    private void EvictOldest()
    {
        _items[_start] = null!;
        _start = _start + 1 == _items.Length ? 0 : _start + 1;
        Count--;
    }

    private void EnsureRoom()
    {
        if (Count < _items.Length)
        {
            return;
        }

        var grown = new Tweet[Math.Min(Capacity, _items.Length * 2)];
        for (var i = 0; i < Count; i++)
        {
            grown[i] = this[i];
        }

        _items = grown;
        _start = 0;
    }

    private void Reset(List<Tweet> source, int offset, int count)
    {
        var size = _items.Length;
        while (size < count)
        {
            size = Math.Min(Capacity, size * 2);
        }

        _items = size == _items.Length ? _items : new Tweet[size];
        Array.Clear(_items);
        source.CopyTo(offset, _items, 0, count);
        _start = 0;
        Count = count;
    }

    private int Physical(int index)
    {
        var physical = _start + index;
        return physical >= _items.Length ? physical - _items.Length : physical;
    }
}
