using BenchmarkDotNet.Attributes;
using OrleansTwitter.Contracts;
using OrleansTwitter.Timeline.Benchmarks.Infrastructure;

namespace OrleansTwitter.Timeline.Benchmarks;

/// <summary>
/// Fan-out throughput in an in-process Orleans silo: posts by authors with 75 active followers
/// each, counted as deliveries (one tweet arriving in one follower's home timeline). A post
/// returns once its event is in the Memory stream; the fan-out grain, the per-silo delivery
/// service and the followers' grains deliver it after that, so each invocation posts, then
/// waits until every delivery it caused has arrived. The figure is therefore the whole path,
/// post to timeline: storing the tweet (Memory storage), the stream and its pulling agent,
/// whose polling period (Orleans' default) adds up to one period of idle wait per invocation,
/// the fan-out and the deliveries.
/// </summary>
[MemoryDiagnoser]
public class DeliveryBenchmarks
{
    private const int Followers = 75;
    private const int Authors = 8;
    private const int PostsByOneAuthor = 400;
    private const int PostsPerAuthor = 100;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    private BenchSilo? _silo;
    private DeliveryMeter? _meter;
    private IUserGrain[] _authors = [];
    private long _expected;
    private int _sequence;

    private DeliveryMeter Meter => _meter ?? throw new InvalidOperationException("The set-up did not run.");

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchSilo.StartAsync();
        _meter = new DeliveryMeter();
        _authors = await _silo.RegisterManyAsync("deliverauthor", Authors);
        var followers = new IUserGrain[Authors][];
        for (var a = 0; a < Authors; a++)
        {
            followers[a] = await _silo.RegisterManyAsync($"dfan{a}x", Followers);
            await BenchSilo.FollowAllAsync(followers[a], $"deliverauthor{a}");
        }

        // Warm every path once (the first post activates the fan-out grain, which loads the
        // followers), and check that what the benchmark counts as deliveries really arrives.
        var warmUps = await Task.WhenAll(_authors.Select(a => a.PostAsync("warm-up", null)));
        await ExpectAsync(Authors * Followers);
        for (var a = 0; a < Authors; a++)
        {
            foreach (var follower in followers[a])
            {
                if ((await follower.GetHomeTimelineAsync(1, null)).Items is not [var top] || top != warmUps[a])
                {
                    throw new InvalidOperationException($"A follower of author {a} did not receive the warm-up post.");
                }
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _meter?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = PostsByOneAuthor * Followers)]
    public async Task OneAuthorPosting()
    {
        var author = _authors[0];
        for (var post = 0; post < PostsByOneAuthor; post++)
        {
            await author.PostAsync(Text(), null);
        }

        await ExpectAsync(PostsByOneAuthor * Followers);
    }

    [Benchmark(OperationsPerInvoke = Authors * PostsPerAuthor * Followers)]
    public async Task EightAuthorsPosting()
    {
        await Task.WhenAll(_authors.Select(async author =>
        {
            for (var post = 0; post < PostsPerAuthor; post++)
            {
                await author.PostAsync(Text(), null);
            }
        }));
        await ExpectAsync(Authors * PostsPerAuthor * Followers);
    }

    private Task ExpectAsync(long deliveries)
    {
        _expected += deliveries;
        return Meter.WaitForAsync(_expected, DeliveryTimeout);
    }

    private string Text() => $"post {Interlocked.Increment(ref _sequence)} of the delivery benchmark, a typical tweet's length of text";
}
