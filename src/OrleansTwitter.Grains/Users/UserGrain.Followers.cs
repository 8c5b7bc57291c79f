using System.Collections.Immutable;
using System.Globalization;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Followers;

namespace OrleansTwitter.Grains.Users;

// The followee's side of the follow graph.
internal sealed partial class UserGrain
{
    public Task<FolloweeInfo> DescribeAsync()
    {
        EnsureRegistered();
        return Task.FromResult(new FolloweeInfo(MyHandle, followers.State.Celebrity, -1));
    }

    public Task<FolloweeInfo> ReserveFollowerPlaceAsync()
    {
        EnsureRegistered();
        var chunk = Book.Reserve();
        return Task.FromResult(new FolloweeInfo(MyHandle, followers.State.Celebrity, chunk));
    }

    public async Task<FolloweeInfo> AddFollowerAsync(string followerHandle, int chunk)
    {
        EnsureRegistered();
        Handle.Normalize(followerHandle, nameof(followerHandle));
        var change = await Book.ApplyAsync(followerHandle, chunk, add: true);
        return new FolloweeInfo(MyHandle, change.Celebrity, chunk);
    }

    public async Task<FolloweeInfo> RemoveFollowerAsync(string followerHandle, int chunk)
    {
        EnsureRegistered();
        Handle.Normalize(followerHandle, nameof(followerHandle));
        var change = await Book.ApplyAsync(followerHandle, chunk, add: false);
        return new FolloweeInfo(MyHandle, change.Celebrity, chunk);
    }

    public async Task<HandlePage> GetFollowersAsync(string? cursor, int limit)
    {
        EnsureRegistered();
        Paging.ValidateLimit(limit);
        var (chunk, after) = ParseFollowersCursor(cursor);
        await RecoverAsync();
        var items = new List<string>(limit);
        for (; chunk < Book.ChunkCount; chunk++)
        {
            var members = await GrainFactory.GetGrain<IFollowerChunkGrain>(Book.ChunkKey(chunk)).GetMembersAsync();
            for (var i = after is null ? 0 : FirstAfter(members, after); i < members.Length; i++)
            {
                if (items.Count == limit)
                {
                    return new HandlePage(items, FollowersCursor(chunk - (i == 0 ? 1 : 0), items[^1]));
                }

                items.Add(members[i]);
            }

            after = null;
        }

        return new HandlePage(items, null);
    }

    // A followers cursor is "{chunk}.{key of the last handle returned}": chunks are sorted by
    // key, and a handle cannot contain a dot.
    private static string FollowersCursor(int chunk, string lastHandle) =>
        string.Create(CultureInfo.InvariantCulture, $"{chunk}.{Handle.ToKey(lastHandle)}");

    private static (int Chunk, string? After) ParseFollowersCursor(string? cursor)
    {
        if (cursor is null)
        {
            return (0, null);
        }

        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && int.TryParse(cursor.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var chunk)
            && Handle.TryNormalize(cursor[(dot + 1)..], out var after))
        {
            return (chunk, after);
        }

        throw new ArgumentException($"'{cursor}' is not a cursor of this list: pass the 'next' value of the previous page.", nameof(cursor));
    }

    private static int FirstAfter(ImmutableArray<string> members, string after)
    {
        var index = members.BinarySearch(after, Handle.Comparer);
        return index >= 0 ? index + 1 : ~index;
    }
}
