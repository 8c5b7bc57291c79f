using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Delivery;

/// <summary>
/// The silo-local registry of user grains in memory on this silo: a user joins when it
/// activates and leaves when it deactivates. The delivery service looks followers up here, so
/// a post reaches only followers that are in memory and never wakes the others.
/// </summary>
/// <remarks>
/// Orleans has no public index of the activations a silo holds, so this is our own. Each
/// entry carries a token of the activation that made it, so that an activation that leaves
/// late cannot remove a newer activation's entry. A follower found here may be deactivating:
/// Orleans then forwards the call, which activates the follower anew (a short race, documented
/// in the README), and the new activation rebuilds its timeline as any other does.
/// </remarks>
internal sealed class ActiveTimelines
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Users in memory on this silo now.</summary>
    public int Count => _entries.Count;

    /// <summary>Records that <paramref name="userKey"/> is active here; returns the token to leave with.</summary>
    public object Join(string userKey, ITimelineSubscriberGrain timeline)
    {
        var entry = new Entry(timeline);
        _entries[userKey] = entry;
        return entry;
    }

    /// <summary>Removes the entry that <see cref="Join"/> made, unless a newer activation replaced it.</summary>
    public void Leave(string userKey, object token) =>
        _entries.TryRemove(new KeyValuePair<string, Entry>(userKey, (Entry)token));

    /// <summary>The user's grain when it is in memory on this silo.</summary>
    public bool TryGet(string userKey, [NotNullWhen(true)] out ITimelineSubscriberGrain? timeline)
    {
        if (_entries.TryGetValue(userKey, out var entry))
        {
            timeline = entry.Timeline;
            return true;
        }

        timeline = null;
        return false;
    }

    /// <summary>True when <paramref name="userKey"/> is in memory on this silo.</summary>
    public bool Contains(string userKey) => _entries.ContainsKey(userKey);

    private sealed class Entry(ITimelineSubscriberGrain timeline)
    {
        public ITimelineSubscriberGrain Timeline { get; } = timeline;
    }
}
