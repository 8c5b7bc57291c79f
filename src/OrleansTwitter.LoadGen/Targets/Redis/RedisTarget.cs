using System.Globalization;
using OrleansTwitter.LoadGen.Workload;
using Spectre.Console;
using StackExchange.Redis;

namespace OrleansTwitter.LoadGen.Targets.Redis;

/// <summary>
/// Approach 2 as Twitter ran it in 2012: a cached home timeline per user in a Redis list.
/// A post reads the author's followers (<c>SMEMBERS</c>), then pipelines the body into one
/// hash and <c>LPUSH</c> + <c>LTRIM 0 799</c> to every follower's list and the author's own.
/// A read is <c>LRANGE 0 49</c> plus one <c>HMGET</c> of the 50 bodies.
/// </summary>
/// <remarks>
/// Celebrities are fanned out like everyone else: the table says a post goes to every
/// follower's list, so this target is pure fan-out on write, and a celebrity's post costs
/// tens of thousands of list writes. (Twitter merged celebrities in on read; the product does,
/// and this baseline shows what that hybrid saves.)
/// </remarks>
internal sealed class RedisTarget : ITimelineTarget
{
    private const int CalibrationLists = 100;

    private readonly ConnectionMultiplexer[] _connections;
    private readonly IDatabase[] _databases;
    private readonly IDatabase _database;
    private int _next;

    private RedisTarget(ConnectionMultiplexer[] connections)
    {
        _connections = connections;
        _databases = [.. connections.Select(c => c.GetDatabase())];
        _database = _databases[0];
    }

    public TargetKind Kind => TargetKind.Redis;

    /// <param name="configuration">A StackExchange.Redis configuration string.</param>
    /// <param name="connections">
    /// Connections to spread operations over. One multiplexer reads all its replies on one
    /// thread, which capped a single connection at about 11,000 reads/s with cores to spare;
    /// applications under load open several.
    /// </param>
    public static async Task<RedisTarget> ConnectAsync(string configuration, int connections)
    {
        var options = ConfigurationOptions.Parse(configuration);

        // FLUSHDB and INFO are admin commands; a celebrity's post is tens of thousands of
        // commands in one pipeline, which may take longer than the 5 s default on a busy machine.
        options.AllowAdmin = true;
        options.AsyncTimeout = 30_000;
        options.AbortOnConnectFail = true;
        options.ClientName = "ot-loadgen";
        // The .NET thread pool reads the socket, instead of SocketManager's dedicated threads:
        // on a 2-core machine shared with the servers, that measured fewer context switches
        // (a third less system time) and about 10% more reads/s.
        options.SocketManager = SocketManager.ThreadPool;
        return new RedisTarget(await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => ConnectionMultiplexer.ConnectAsync(options))));
    }

    public async Task LoadAsync(TimelineWorkload workload, ProgressContext progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(progress);
        await Server().FlushDatabaseAsync(_database.Database);
        await RedisLoader.LoadAsync(_database, workload, progress);
    }

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(int user, CancellationToken cancellationToken)
    {
        var database = Next();
        var ids = await database.ListRangeAsync(RedisKeys.Timeline(user), 0, TimelineShape.PageSize - 1);
        if (ids.Length == 0)
        {
            return [];
        }

        var bodies = await database.HashGetAsync(RedisKeys.Bodies, ids);
        var entries = new TimelineEntry[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (bodies[i].IsNull)
            {
                throw new InvalidOperationException($"Tweet {ids[i]} is in user {user}'s timeline but has no body.");
            }

            entries[i] = RedisKeys.Entry((long)ids[i], bodies[i]);
        }

        return entries;
    }

    public async Task PostAsync(Tweet tweet, CancellationToken cancellationToken)
    {
        var database = Next();
        var followers = await database.SetMembersAsync(RedisKeys.Followers(tweet.Author));
        var batch = database.CreateBatch();
        var replies = new Task[1 + (2 * (followers.Length + 1))];

        // The body first: Redis runs a pipeline in order, so no reader finds an id without it.
        replies[0] = batch.HashSetAsync(RedisKeys.Bodies, tweet.Id, RedisKeys.BodyValue(tweet));
        var at = 1;
        Push(RedisKeys.Timeline(tweet.Author));
        foreach (var follower in followers)
        {
            Push(RedisKeys.Timeline(follower));
        }

        batch.Execute();
        await Task.WhenAll(replies);

        void Push(RedisKey timeline)
        {
            replies[at++] = batch.ListLeftPushAsync(timeline, tweet.Id);
            replies[at++] = batch.ListTrimAsync(timeline, 0, TimelineShape.Capacity - 1);
        }
    }

    public async Task<IReadOnlyList<int>> ServerProcessIdsAsync(CancellationToken cancellationToken)
    {
        var pid = await InfoFieldAsync("server", "process_id");
        return pid is null ? [] : [int.Parse(pid, CultureInfo.InvariantCulture)];
    }

    /// <summary>
    /// Redis's own count of the bytes it allocated (<c>used_memory</c>), before and after
    /// filling <see cref="CalibrationLists"/> lists with 800 tweet ids each, as a full cached
    /// timeline holds them; the bodies are per tweet, not per user, and are not counted.
    /// </summary>
    public async Task<double?> BytesPerActiveUserAsync(TimelineWorkload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var before = await UsedMemoryAsync();
        for (var list = 0; list < CalibrationLists; list++)
        {
            var ids = new RedisValue[TimelineShape.Capacity];
            for (var i = 0; i < ids.Length; i++)
            {
                // Ids of the size a run's posts have, newest first.
                ids[i] = workload.FirstNewTweetId + ((long)list * TimelineShape.Capacity) + (ids.Length - i);
            }

            await _database.ListRightPushAsync(RedisKeys.Calibration(list), ids);
        }

        var after = await UsedMemoryAsync();
        await _database.KeyDeleteAsync([.. Enumerable.Range(0, CalibrationLists).Select(RedisKeys.Calibration)]);
        return (double)(after - before) / CalibrationLists;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    // Round robin: operations spread evenly whoever calls.
    private IDatabase Next() => _databases[(int)((uint)Interlocked.Increment(ref _next) % (uint)_databases.Length)];

    private IServer Server() => _connections[0].GetServer(_connections[0].GetEndPoints().Single());

    private async Task<long> UsedMemoryAsync() =>
        long.Parse(await InfoFieldAsync("memory", "used_memory") ?? throw new InvalidOperationException("INFO memory has no used_memory."), CultureInfo.InvariantCulture);

    private async Task<string?> InfoFieldAsync(string section, string field)
    {
        var groups = await Server().InfoAsync(section);
        return groups.SelectMany(g => g).Where(p => p.Key == field).Select(p => p.Value).FirstOrDefault();
    }
}
