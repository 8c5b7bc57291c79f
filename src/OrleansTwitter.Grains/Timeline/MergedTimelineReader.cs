using System.Collections.Immutable;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Timeline;

/// <summary>
/// Reads a page of a home timeline whose entries come from several sorted sources: the pushed
/// timeline and the recent tweets of each followed celebrity. It walks the sources newest first
/// (a k-way merge), drops ids seen twice (a tweet pushed before its author became a celebrity
/// is also in the celebrity's list), and stops at the capacity, so the merged timeline holds at
/// most as many entries as a pushed one would.
/// </summary>
internal static class MergedTimelineReader
{
    /// <param name="home">The pushed timeline.</param>
    /// <param name="others">Other sources, each newest first.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="before">Only entries older than this (exclusive); null for the newest.</param>
    /// <param name="capacity">Entries beyond the newest <paramref name="capacity"/> are not part of the timeline.</param>
    public static TimelinePage ReadPage(HomeTimeline home, IReadOnlyList<ImmutableArray<Tweet>> others, int limit, TweetId? before, int capacity)
    {
        var homeIndex = home.Count - 1;
        var otherIndex = new int[others.Count];
        var items = new List<Tweet>(limit);
        var position = 0;
        long lastId = -1;
        var beforeId = before?.Value ?? long.MaxValue;
        while (position < capacity)
        {
            var next = NextNewest(home, homeIndex, others, otherIndex, out var source);
            if (next is null)
            {
                break;
            }

            if (source < 0)
            {
                homeIndex--;
            }
            else
            {
                otherIndex[source]++;
            }

            if (next.Id.Value == lastId)
            {
                continue;
            }

            lastId = next.Id.Value;
            position++;
            if (next.Id.Value >= beforeId)
            {
                continue;
            }

            if (items.Count == limit)
            {
                // One more distinct entry exists inside the capacity: there is a next page.
                return new TimelinePage(items, items[^1].Id);
            }

            items.Add(next);
        }

        return items.Count == 0 ? TimelinePage.Empty : new TimelinePage(items, null);
    }

    // The newest head among the sources; source -1 is the pushed timeline.
    private static Tweet? NextNewest(HomeTimeline home, int homeIndex, IReadOnlyList<ImmutableArray<Tweet>> others, int[] otherIndex, out int source)
    {
        Tweet? best = homeIndex >= 0 ? home[homeIndex] : null;
        source = -1;
        for (var s = 0; s < others.Count; s++)
        {
            var list = others[s];
            var index = otherIndex[s];
            if (index < list.Length && (best is null || list[index].Id.Value > best.Id.Value))
            {
                best = list[index];
                source = s;
            }
        }

        return best;
    }
}
