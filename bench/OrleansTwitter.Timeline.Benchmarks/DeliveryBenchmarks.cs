using BenchmarkDotNet.Attributes;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Timeline.Benchmarks.Infrastructure;

namespace OrleansTwitter.Timeline.Benchmarks;

/// <summary>
/// Fan-out throughput: posts to authors with 75 active followers each, counted as deliveries
/// (one tweet arriving in one follower's home timeline). A post returns once its fan-out is
/// done, so one author posting alone measures the whole path per post (store, stream,
/// multicast); several authors posting at once measure what the silo sustains.
/// </summary>
[MemoryDiagnoser]
public class DeliveryBenchmarks
{
    private const int Followers = 75;
    private const int Authors = 8;
    private const int PostsByOneAuthor = 200;
    private const int PostsPerAuthor = 50;

    private TestSilo? _silo;
    private IUserGrain[] _authors = [];
    private int _sequence;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchSilo.StartAsync();
        _authors = await BenchSilo.RegisterManyAsync(_silo, "deliverauthor", Authors);
        var followers = new IUserGrain[Authors][];
        for (var a = 0; a < Authors; a++)
        {
            followers[a] = await BenchSilo.RegisterManyAsync(_silo, $"dfan{a}x", Followers);
            await BenchSilo.FollowAllAsync(followers[a], $"deliverauthor{a}");
        }

        // Warm every path once (first fan-out activates the fan-out grain and loads its followers),
        // and check that what the benchmark counts as deliveries really arrives.
        var warmUps = await Task.WhenAll(_authors.Select(a => a.PostAsync("warm-up", null)));
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
    }

    [Benchmark(OperationsPerInvoke = Authors * PostsPerAuthor * Followers)]
    public Task EightAuthorsPosting() => Task.WhenAll(_authors.Select(async author =>
    {
        for (var post = 0; post < PostsPerAuthor; post++)
        {
            await author.PostAsync(Text(), null);
        }
    }));

    private string Text() => $"post {Interlocked.Increment(ref _sequence)} of the delivery benchmark, a typical tweet's length of text";
}
