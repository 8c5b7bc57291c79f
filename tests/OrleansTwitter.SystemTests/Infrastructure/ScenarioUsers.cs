using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// Signed-in users of a scenario's load, each following the next in a ring, and the tweets the
/// API acknowledged (201) for each. The load step posts and reads the home timeline back; the
/// checks afterwards say what, if anything, was lost or doubled.
/// </summary>
internal sealed class ScenarioUsers
{
    /// <summary>A read after an acknowledged post looks for it among this many newest home-timeline entries.</summary>
    private const int ReadBackPage = 20;

    private ScenarioUsers(string[] handles, string[] tokens)
    {
        Handles = handles;
        Tokens = tokens;
        Acknowledged = [.. handles.Select(_ => new ConcurrentQueue<string>())];
        FailedPosts = new int[handles.Length];
    }

    public string[] Handles { get; }

    public string[] Tokens { get; }

    /// <summary>The ids of each user's acknowledged posts, in the order acknowledged.</summary>
    public ConcurrentQueue<string>[] Acknowledged { get; }

    /// <summary>Each user's posts that got no 201: they may or may not have been stored.</summary>
    public int[] FailedPosts { get; }

    public int Count => Handles.Length;

    public int TotalAcknowledged => Acknowledged.Sum(a => a.Count);

    /// <summary>The user user <paramref name="user"/> follows: the next one in the ring.</summary>
    public int FolloweeOf(int user) => (user + 1) % Count;

    /// <summary>Registers <paramref name="count"/> users named <paramref name="prefix"/>0, 1, ..., signs them in, and has each follow the next.</summary>
    public static async Task<ScenarioUsers> CreateAsync(ApiClient api, string prefix, int count)
    {
        var handles = Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var tokens = new string[count];
        for (var i = 0; i < count; i++)
        {
            await api.CreateAccountAsync(handles[i]);
            tokens[i] = await api.SignInAsync(handles[i]);
        }

        var users = new ScenarioUsers(handles, tokens);
        for (var i = 0; i < count; i++)
        {
            await api.FollowAsync(tokens[i], handles[users.FolloweeOf(i)]);
        }

        return users;
    }

    /// <summary>
    /// One step of the load for <paramref name="user"/>: post tweet <paramref name="number"/>,
    /// then read the home timeline, which must show it (read-after-write, whichever silo now
    /// holds the user). A read that misses it is recorded in <paramref name="log"/> as a failure.
    /// </summary>
    public async Task PostAndReadBackAsync(ApiClient api, RequestLog log, int user, int number)
    {
        var posted = await api.PostAsync(Tokens[user], $"tweet {number.ToString(CultureInfo.InvariantCulture)} of {Handles[user]}");
        if (!posted.Ok)
        {
            Interlocked.Increment(ref FailedPosts[user]);
            return;
        }

        var id = posted.Value;
        Acknowledged[user].Enqueue(id);
        var started = log.Now;
        var home = await api.HomeTimelineAsync(Tokens[user], ReadBackPage);
        if (home.Ok && !home.Value.Ids.Contains(id))
        {
            log.Add(new RequestRecord("read-after-write", started, log.Now - started,
                $"{Handles[user]}'s home timeline lacks its tweet {id}, acknowledged just before; it shows {string.Join(", ", home.Value.Ids)}"));
        }
    }

    /// <summary>
    /// What is wrong with the users' own timelines, or null: every acknowledged tweet must be in
    /// its author's timeline exactly once, and the tweet count must equal the acknowledged posts
    /// (plus at most the posts that failed, which may have been stored before they failed).
    /// </summary>
    public async Task<string?> AuthorTimelineProblemsAsync(ApiClient api)
    {
        var problems = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var acknowledged = Acknowledged[i].ToArray();
            var listed = await api.AllUserTweetsAsync(Handles[i]);
            var count = (await api.TweetCountAsync(Handles[i])).Value;
            var missing = acknowledged.Except(listed).Count();
            var doubled = listed.GroupBy(id => id).Count(g => g.Count() > 1);
            if (missing > 0 || doubled > 0 || listed.Count < acknowledged.Length || listed.Count > acknowledged.Length + FailedPosts[i]
                || count != listed.Count)
            {
                problems.Add($"{Handles[i]}: {acknowledged.Length} acknowledged, {FailedPosts[i]} failed posts, timeline lists {listed.Count} ({missing} acknowledged missing, e.g. {string.Join(", ", acknowledged.Except(listed).Take(5))}; {doubled} twice), profile counts {count}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>What each follower's home timeline still lacks of its followee's acknowledged tweets (or has twice), or null when nothing.</summary>
    public async Task<string?> FollowerTimelineProblemsAsync(ApiClient api)
    {
        var problems = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var home = await api.WholeHomeTimelineAsync(Tokens[i]);
            var expected = Acknowledged[i].Concat(Acknowledged[FolloweeOf(i)]).ToArray();
            var missing = expected.Except(home).Count();
            var doubled = home.GroupBy(id => id).Count(g => g.Count() > 1);
            if (missing > 0 || doubled > 0)
            {
                problems.Add($"{Handles[i]} (follows {Handles[FolloweeOf(i)]}) lacks {missing} of {expected.Length} acknowledged tweets (e.g. {string.Join(", ", expected.Except(home).Take(3))}), has {doubled} twice");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
