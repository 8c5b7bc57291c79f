using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.LoadGen.Chaos.Load;

/// <summary>
/// The scenario's signed-in users. Each follows the next <c>followees</c> users in a ring, so
/// every user is also a follower of as many, and every one of them posts and reads through the
/// whole run, so all stay active (in memory) and a tweet must reach each follower's home
/// timeline by fan-out. The tweets the API acknowledged (201) are kept per author.
/// </summary>
internal sealed class LoadUsers
{
    /// <summary>Set-up requests in flight at once: account creation and sign-in hash passwords slowly, on purpose.</summary>
    private const int SetupConcurrency = 8;

    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SetupPause = TimeSpan.FromSeconds(1);

    private int _failedPosts;

    private LoadUsers(string[] handles, string[] tokens, int followees)
    {
        Handles = handles;
        Tokens = tokens;
        Followees = followees;
        Acknowledged = [.. handles.Select(_ => new ConcurrentQueue<TimelineItem>())];
    }

    public string[] Handles { get; }

    public string[] Tokens { get; }

    /// <summary>How many users each user follows: the next ones in the ring.</summary>
    public int Followees { get; }

    /// <summary>Each author's acknowledged tweets, in the order acknowledged.</summary>
    public ConcurrentQueue<TimelineItem>[] Acknowledged { get; }

    public int Count => Handles.Length;

    public int TotalAcknowledged => Acknowledged.Sum(a => a.Count);

    /// <summary>Posts that got no 201: stored or not, the user was told it failed.</summary>
    public int FailedPosts => Volatile.Read(ref _failedPosts);

    /// <summary>The users that <paramref name="user"/> follows.</summary>
    public IEnumerable<int> FolloweesOf(int user) => Enumerable.Range(1, Followees).Select(k => (user + k) % Count);

    /// <summary>Registers <paramref name="count"/> users through the web front ends in turn, signs each in and makes each follow the next <paramref name="followees"/>.</summary>
    public static async Task<LoadUsers> CreateAsync(IReadOnlyList<ChaosApi> apis, int count, int followees)
    {
        var handles = Enumerable.Range(0, count).Select(i => "user" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var tokens = new string[count];
        using var gate = new SemaphoreSlim(SetupConcurrency);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var api = apis[i % apis.Count];

                // A 409 after a timed-out first attempt: that attempt created the account.
                await SetupAsync(() => api.CreateAccountAsync(handles[i]), $"create {handles[i]}", alreadyDone: "answered 409");
                tokens[i] = (await SetupAsync(() => api.SignInAsync(handles[i]), $"sign {handles[i]} in")).GetProperty("accessToken").GetString()!;
            }
            finally
            {
                gate.Release();
            }
        }));

        var users = new LoadUsers(handles, tokens, followees);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                foreach (var followee in users.FolloweesOf(i))
                {
                    await SetupAsync(() => apis[i % apis.Count].FollowAsync(tokens[i], handles[followee]), $"{handles[i]} follows {handles[followee]}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return users;
    }

    /// <summary>
    /// A set-up step, repeated until it succeeds for at most <see cref="SetupTimeout"/>: the first
    /// calls of a fresh cluster activate grains and create storage containers and may time out on
    /// a busy machine. The set-up is not what a scenario measures.
    /// </summary>
    private static async Task<JsonElement> SetupAsync(Func<Task<ApiReply>> step, string what, string? alreadyDone = null)
    {
        ApiReply? done = null;
        await Eventually.MeetsAsync(async () =>
        {
            var reply = await step();
            if (reply.Ok || (alreadyDone is not null && reply.Failure!.Contains(alreadyDone, StringComparison.Ordinal)))
            {
                done = reply;
                return null;
            }

            return reply.Failure;
        }, SetupTimeout, what, SetupPause);
        return done!.Body;
    }

    /// <summary>
    /// Each user posts once and reads its home timeline once, as set-up steps, so that the
    /// measured load starts on a warm cluster (user grains active with their timelines built,
    /// every author's fan-out grain and the stream queues in use), as a service in production
    /// is. The warm-up tweets are acknowledged tweets like any other.
    /// </summary>
    public async Task WarmUpAsync(IReadOnlyList<ChaosApi> apis)
    {
        using var gate = new SemaphoreSlim(SetupConcurrency);
        await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var api = apis[i % apis.Count];
                var text = $"warm-up post by {Handles[i]}";
                await SetupAsync(() => api.HomeTimelineAsync(Tokens[i], 20), $"read {Handles[i]}'s home timeline");

                // Repeated until acknowledged, with one idempotency key, so a repeat of a post that was stored returns it.
                var id = (await SetupAsync(() => api.PostAsync(Tokens[i], text, idempotencyKey: "warm-up"), $"post for {Handles[i]}")).GetProperty("id").GetString()!;
                Acknowledge(i, new TimelineItem(id, text));
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public void Acknowledge(int user, TimelineItem tweet) => Acknowledged[user].Enqueue(tweet);

    public void PostFailed() => Interlocked.Increment(ref _failedPosts);
}
