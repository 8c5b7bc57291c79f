using System.Diagnostics;
using OrleansTwitter.LoadGen.Chaos.Load;

namespace OrleansTwitter.LoadGen.Chaos.Audit;

/// <summary>
/// After the load: is every acknowledged tweet in its author's timeline once, and in the home
/// timeline of each of the author's followers once? Every user of the load is active, so fan-out
/// must reach all of them. Fan-out is asynchronous and Azure Queue streams redeliver an event a
/// crashed or stopped silo had taken only after the queue's visibility timeout (30 s), so the
/// audit reads until everything is there or <c>timeout</c> passes, and what is missing then is lost.
/// </summary>
internal static class TweetAudit
{
    private const int Examples = 5;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public static async Task<AuditResult> RunAsync(ChaosApi api, LoadUsers users, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (lost, doubled, problems) = await CheckAsync(api, users);
            if ((lost.Count == 0 && doubled.Count == 0) || clock.Elapsed > timeout)
            {
                return new AuditResult(lost.Count, doubled.Count, lost.Count == 0 && doubled.Count == 0 ? clock.Elapsed : null, problems);
            }

            await Task.Delay(Pause, cancellationToken);
        }
    }

    private static async Task<(HashSet<string> Lost, HashSet<string> Doubled, List<string> Problems)> CheckAsync(ChaosApi api, LoadUsers users)
    {
        var lost = new HashSet<string>();
        var doubled = new HashSet<string>();
        var problems = new List<string>();
        for (var user = 0; user < users.Count; user++)
        {
            var handle = users.Handles[user];
            var own = users.Acknowledged[user].ToArray();
            var (listed, failure) = await api.AllUserTweetsAsync(handle);
            if (listed is null)
            {
                // Unread is unproven: every tweet it should list counts as missing until a read succeeds.
                lost.UnionWith(own.Select(t => t.Id));
                problems.Add($"{handle}'s tweets could not be read: {failure}");
                continue;
            }

            Compare(handle + "'s tweets", own, listed, lost, doubled, problems);

            // Stored twice: one text (unique per post) under two ids, acknowledged or not.
            foreach (var repeat in listed.GroupBy(t => t.Text).Where(g => g.Select(t => t.Id).Distinct().Count() > 1))
            {
                doubled.Add(repeat.Key);
                problems.Add($"'{repeat.Key}' is stored under {repeat.Select(t => t.Id).Distinct().Count()} ids");
            }
        }

        for (var user = 0; user < users.Count; user++)
        {
            var handle = users.Handles[user];
            var expected = users.FolloweesOf(user).Append(user).SelectMany(u => users.Acknowledged[u]).ToArray();
            var (home, failure) = await api.WholeHomeTimelineAsync(users.Tokens[user]);
            if (home is null)
            {
                lost.UnionWith(expected.Select(t => t.Id));
                problems.Add($"{handle}'s home timeline could not be read: {failure}");
                continue;
            }

            Compare(handle + "'s home timeline", expected, home, lost, doubled, problems);
        }

        return (lost, doubled, problems.Take(Examples).ToList());
    }

    private static void Compare(string timeline, IReadOnlyCollection<TimelineItem> expected, List<TimelineItem> listed, HashSet<string> lost, HashSet<string> doubled, List<string> problems)
    {
        var ids = listed.Select(t => t.Id).ToHashSet();
        var missing = expected.Where(t => !ids.Contains(t.Id)).ToArray();
        var repeated = listed.GroupBy(t => t.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        lost.UnionWith(missing.Select(t => t.Id));
        doubled.UnionWith(repeated);
        if (missing.Length > 0 || repeated.Length > 0)
        {
            problems.Add($"{timeline} lacks {missing.Length} of {expected.Count} acknowledged tweets (e.g. {string.Join(", ", missing.Take(3).Select(t => $"{t.Id} '{t.Text}'"))}) and lists {repeated.Length} twice");
        }
    }
}
