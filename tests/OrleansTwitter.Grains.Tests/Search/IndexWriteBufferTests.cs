using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Search;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Search;

/// <summary>
/// A silo's index batch on a fake clock, writing to the search cluster's term grains: quick while
/// it batches little, gathering longer once a batch was large (term calls per second are the
/// batch's terms over its delay), and quick again once the load is gone.
/// </summary>
[Collection(SearchCluster.Name)]
public sealed class IndexWriteBufferTests(SearchClusterFixture cluster)
{
    [Fact]
    public async Task A_batch_gathers_for_the_busy_delay_after_a_large_batch_and_for_the_quiet_one_after_a_small_one()
    {
        var time = new FakeTimeProvider();
        var buffer = new IndexWriteBuffer(cluster.Grains, time, NullLogger<IndexWriteBuffer>.Instance);
        var large = Enumerable.Range(0, IndexWriteBuffer.BusyBatchTerms).Select(i => $"iblarge{i}").ToImmutableArray();

        // Quiet: the first batch goes out after the short delay, large as it is.
        buffer.Add(new TweetId(1), large);
        await FlushedAfterAsync(buffer, time, IndexWriteBuffer.FlushDelay, expected: 1);

        // After a large batch, the next gathers for the busy delay.
        buffer.Add(new TweetId(2), ["ibsmall"]);
        time.Advance(IndexWriteBuffer.FlushDelay);
        await Consistently.HoldsAsync(() => Task.FromResult(buffer.Flushes == 1), "no flush before the busy delay");
        await FlushedAfterAsync(buffer, time, IndexWriteBuffer.BusyFlushDelay - IndexWriteBuffer.FlushDelay, expected: 2);

        // That batch was small: quick again.
        buffer.Add(new TweetId(3), ["ibsmall"]);
        await FlushedAfterAsync(buffer, time, IndexWriteBuffer.FlushDelay, expected: 3);

        // Every batch reached its terms (a flush is counted as it starts, its calls finish after).
        var small = cluster.Grains.GetGrain<ITermIndexGrain>("ibsmall");
        await Eventually.WaitForAsync(() => small.GetNewestAsync(long.MaxValue, 10), ids => ids.SequenceEqual([3L, 2L]), "both small batches in their term");
        Assert.Equal(new long[] { 1 }, (await cluster.Grains.GetGrain<ITermIndexGrain>($"iblarge{IndexWriteBuffer.BusyBatchTerms - 1}").GetNewestAsync(long.MaxValue, 10)).ToArray());
    }

    private static async Task FlushedAfterAsync(IndexWriteBuffer buffer, FakeTimeProvider time, TimeSpan delay, long expected)
    {
        time.Advance(delay);
        await Eventually.WaitAsync(() => buffer.Flushes == expected, $"flush {expected} once the clock moved {delay}");
    }
}
