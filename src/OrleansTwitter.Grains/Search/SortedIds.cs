using System.Collections.Immutable;

namespace OrleansTwitter.Grains.Search;

/// <summary>Operations on sorted id lists: a term's stored list (ascending) and search results (descending).</summary>
internal static class SortedIds
{
    /// <summary>
    /// Inserts <paramref name="ids"/> into the ascending <paramref name="list"/>, skipping ones it
    /// holds, then drops the oldest beyond <paramref name="capacity"/>. True when the list changed.
    /// </summary>
    public static bool Insert(List<long> list, IEnumerable<long> ids, int capacity)
    {
        var changed = false;
        foreach (var id in ids)
        {
            // New tweets are the newest almost always: an append, not a search.
            if (list.Count == 0 || id > list[^1])
            {
                list.Add(id);
                changed = true;
                continue;
            }

            var at = list.BinarySearch(id);
            if (at < 0)
            {
                list.Insert(~at, id);
                changed = true;
            }
        }

        if (list.Count > capacity)
        {
            list.RemoveRange(0, list.Count - capacity);
        }

        return changed;
    }

    /// <summary>Up to <paramref name="max"/> ids of the ascending <paramref name="list"/> below <paramref name="before"/>, newest first.</summary>
    public static ImmutableArray<long> NewestBelow(List<long> list, long before, int max)
    {
        var end = list.BinarySearch(before);
        end = end < 0 ? ~end : end;
        var count = Math.Min(max, end);
        var result = ImmutableArray.CreateBuilder<long>(count);
        for (var i = end - 1; i >= end - count; i--)
        {
            result.Add(list[i]);
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// The ids every descending list holds, newest first, at most <paramref name="max"/>: walks the
    /// shortest list and looks each id up in the others by binary search.
    /// </summary>
    public static long[] IntersectDescending(IReadOnlyList<ImmutableArray<long>> lists, int max)
    {
        var ordered = lists.OrderBy(l => l.Length).ToArray();
        var result = new List<long>(Math.Min(max, ordered[0].Length));
        foreach (var id in ordered[0])
        {
            var inAll = true;
            for (var i = 1; i < ordered.Length && inAll; i++)
            {
                inAll = ordered[i].AsSpan().BinarySearch(id, Descending.Instance) >= 0;
            }

            if (inAll)
            {
                result.Add(id);
                if (result.Count == max)
                {
                    break;
                }
            }
        }

        return [.. result];
    }

    private sealed class Descending : IComparer<long>
    {
        public static readonly Descending Instance = new();

        public int Compare(long x, long y) => y.CompareTo(x);
    }
}
