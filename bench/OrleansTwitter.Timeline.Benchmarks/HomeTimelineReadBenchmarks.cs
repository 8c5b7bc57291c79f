using BenchmarkDotNet.Attributes;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Timeline;
using OrleansTwitter.Timeline.Benchmarks.Baseline;
using OrleansTwitter.Timeline.Benchmarks.Infrastructure;

namespace OrleansTwitter.Timeline.Benchmarks;

/// <summary>
/// Home-timeline reads: pages of 50 entries, with their tweet bodies, from full (800-entry)
/// timelines, 1,000 timelines read 100 times each. Three ways: the data structure itself
/// (<see cref="HomeTimeline.ReadPage"/>), the user grain in an in-process Orleans silo (1,000
/// concurrent readers, one per user, each reading one page after another), and the baseline,
/// the same page copy from a plain sorted array behind a lock.
/// </summary>
[MemoryDiagnoser]
public class HomeTimelineReadBenchmarks
{
    private const int Readers = 1_000;
    private const int ReadsPerReader = 100;
    private const int TotalReads = Readers * ReadsPerReader;
    private const int PageSize = 50;

    private BenchSilo? _silo;
    private IUserGrain[] _users = [];
    private HomeTimeline[] _timelines = [];
    private LockedTimeline[] _baseline = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Following an author with 800 tweets merges all of them: every timeline starts full.
        _silo = await BenchSilo.StartAsync(o => o.PullPerFollowee = TimelineLimits.HomeTimelineCapacity);
        var author = await _silo.RegisterAsync("readauthor");
        for (var i = 0; i < TimelineLimits.HomeTimelineCapacity; i++)
        {
            await author.PostAsync($"tweet number {i} of the read benchmark, about as long as a typical tweet is", null);
        }

        _users = await _silo.RegisterManyAsync("reader", Readers);
        await BenchSilo.FollowAllAsync(_users, "readauthor");
        var tweets = new List<Tweet>();
        for (TimelinePage? page = await _users[0].GetHomeTimelineAsync(TimelineLimits.MaxPageSize, null);
            page is not null;
            page = page.Next is { } next ? await _users[0].GetHomeTimelineAsync(TimelineLimits.MaxPageSize, next) : null)
        {
            tweets.AddRange(page.Items);
        }

        if (tweets.Count != TimelineLimits.HomeTimelineCapacity)
        {
            throw new InvalidOperationException($"A reader's timeline holds {tweets.Count} entries, not {TimelineLimits.HomeTimelineCapacity}.");
        }

        _timelines = [.. Enumerable.Range(0, Readers).Select(_ => Filled(tweets))];
        _baseline = [.. Enumerable.Range(0, Readers).Select(_ => new LockedTimeline([.. tweets]))];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        foreach (var timeline in _baseline)
        {
            timeline.Dispose();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalReads)]
    public Task LockedArrayReads()
    {
        var readers = new Task[Readers];
        for (var i = 0; i < Readers; i++)
        {
            readers[i] = ReadAsync(_baseline[i]);
        }

        return Task.WhenAll(readers);

        static async Task ReadAsync(LockedTimeline timeline)
        {
            for (var read = 0; read < ReadsPerReader; read++)
            {
                await timeline.ReadAsync(PageSize);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = TotalReads)]
    public int HomeTimelinePages()
    {
        // The grain's own read, without the call: one turn at a time touches a timeline.
        var entries = 0;
        foreach (var timeline in _timelines)
        {
            for (var read = 0; read < ReadsPerReader; read++)
            {
                entries += timeline.ReadPage(PageSize, null).Items.Count;
            }
        }

        return entries;
    }

    [Benchmark(OperationsPerInvoke = TotalReads)]
    public Task GrainReads()
    {
        var readers = new Task[Readers];
        for (var i = 0; i < Readers; i++)
        {
            readers[i] = ReadAsync(_users[i]);
        }

        return Task.WhenAll(readers);

        static async Task ReadAsync(IUserGrain user)
        {
            for (var read = 0; read < ReadsPerReader; read++)
            {
                await user.GetHomeTimelineAsync(PageSize, null);
            }
        }
    }

    private static HomeTimeline Filled(IReadOnlyCollection<Tweet> tweets)
    {
        var timeline = new HomeTimeline(TimelineLimits.HomeTimelineCapacity);
        timeline.AddRange(tweets);
        return timeline;
    }
}
