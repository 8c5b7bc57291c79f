using Microsoft.Extensions.Time.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Tests.Tweets;

public sealed class TweetIdGeneratorTests
{
    [Fact]
    public void Ids_carry_the_time_the_node_and_a_sequence()
    {
        var clock = new FakeTimeProvider(TweetId.Epoch.AddDays(3).AddMilliseconds(17));
        var generator = new TweetIdGenerator(clock, nodeId: 513);

        var first = generator.Next();
        var second = generator.Next();

        Assert.Equal(TweetId.Epoch.AddDays(3).AddMilliseconds(17), first.Timestamp);
        Assert.Equal(513, first.NodeId);
        Assert.Equal(0, first.Sequence);
        Assert.Equal(1, second.Sequence);
        Assert.Equal(first, TweetId.Create(first.Milliseconds, first.NodeId, first.Sequence));
    }

    [Fact]
    public void Ids_rise_strictly_while_the_clock_stands_still_past_the_sequence_space()
    {
        var clock = new FakeTimeProvider(TweetId.Epoch.AddYears(2));
        var generator = new TweetIdGenerator(clock, nodeId: 1);
        var ids = new List<TweetId>();
        for (var i = 0; i < 3 * (TweetId.MaxSequence + 1); i++)
        {
            ids.Add(generator.Next());
        }

        // 4,096 ids a millisecond: the generator moves on to the next millisecond of its own.
        Assert.True(ids.Zip(ids.Skip(1)).All(pair => pair.First < pair.Second), "ids must rise strictly");
        Assert.Equal(ids[0].Milliseconds + 2, ids[^1].Milliseconds);
    }

    [Fact]
    public void A_clock_that_goes_backwards_never_makes_an_id_older_than_the_last()
    {
        var clock = new FakeTimeProvider(TweetId.Epoch.AddDays(10));
        var generator = new TweetIdGenerator(clock, nodeId: 9);
        var before = generator.Next();

        // An NTP step back of a day (AdjustTime, unlike SetUtcNow, may go backwards, as a real clock can).
        clock.AdjustTime(TweetId.Epoch.AddDays(9));
        var after = generator.Next();

        Assert.True(after > before);
    }

    [Fact]
    public async Task Two_nodes_generating_concurrently_never_produce_the_same_id()
    {
        var left = new TweetIdGenerator(TimeProvider.System, nodeId: 1);
        var right = new TweetIdGenerator(TimeProvider.System, nodeId: 2);
        const int PerWorker = 20_000;

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var generator = worker % 2 == 0 ? left : right;
            var ids = new long[PerWorker];
            for (var i = 0; i < PerWorker; i++)
            {
                ids[i] = generator.Next().Value;
            }

            return ids;
        }));
        var all = (await Task.WhenAll(workers)).SelectMany(ids => ids).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Each_worker_sees_its_ids_rise()
    {
        var generator = new TweetIdGenerator(TimeProvider.System, nodeId: 3);
        Parallel.For(0, 4, _ =>
        {
            var last = generator.Next();
            for (var i = 0; i < 10_000; i++)
            {
                var next = generator.Next();
                Assert.True(next > last);
                last = next;
            }
        });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    public void A_node_id_outside_ten_bits_is_rejected(int nodeId) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TweetIdGenerator(TimeProvider.System, nodeId));
}
