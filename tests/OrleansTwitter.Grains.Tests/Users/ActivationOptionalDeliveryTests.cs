using System.Diagnostics.Metrics;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Tests.Infrastructure;

namespace OrleansTwitter.Grains.Tests.Users;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimelineMetricsCollection
{
    /// <summary>Tests that count the process-wide timeline metrics run alone, so no other test's deliveries are counted.</summary>
    public const string Name = "Timeline metrics";
}

[Collection(TimelineMetricsCollection.Name)]
public sealed class ActivationOptionalDeliveryTests
{
    [Fact]
    public async Task Fan_out_delivers_to_active_followers_and_does_not_wake_the_others()
    {
        await using var silo = await TimelineSilo.StartAsync(clock: new ManualTimeProvider());
        var author = await silo.RegisterAsync("aoAuthor");
        var fans = await silo.RegisterManyAsync("aoFan", 3);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("aoAuthor")));
        await silo.CollectIdleAsync();
        await TimelineSilo.HomeTextsAsync(fans[0]);
        await author.GetProfileAsync();
        var activeBefore = silo.Silo.Silo.ActivationCount;

        using var counts = new DeliveryCounts();
        await author.PostAsync("only the awake hear this", null);

        Assert.Equal((1, 2), (counts.Delivered, counts.Skipped));
        Assert.Equal(["only the awake hear this"], await TimelineSilo.HomeTextsAsync(fans[0]));

        // The post woke the author's fan-out, its follower chunk and its stream's rendezvous, not the two sleeping fans.
        Assert.True(silo.Silo.Silo.ActivationCount - activeBefore <= 3, $"{silo.Silo.Silo.ActivationCount - activeBefore} activations were created by the post");
    }

    private sealed class DeliveryCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _delivered;
        private long _skipped;

        public DeliveryCounts()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TimelineInstruments.MeterName
                    && instrument.Name is "orleanstwitter.timeline.deliveries" or "orleanstwitter.timeline.deliveries.skipped")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                if (instrument.Name.EndsWith(".skipped", StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _skipped, value);
                }
                else
                {
                    Interlocked.Add(ref _delivered, value);
                }
            });
            _listener.Start();
        }

        public long Delivered => Interlocked.Read(ref _delivered);

        public long Skipped => Interlocked.Read(ref _skipped);

        public void Dispose() => _listener.Dispose();
    }
}
