namespace OrleansTwitter.Actors.Tests.Transport;

/// <summary>
/// The connection's write path: senders write on their own thread when nobody is writing, and
/// queue behind the writer otherwise. These run it from many threads at once.
/// </summary>
[Trait("Category", "Transport")]
public sealed class ConnectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Frames_sent_from_many_threads_at_once_all_arrive_whole_and_in_each_senders_order()
    {
        const int senders = 8;
        const int perSender = 5_000;
        var peer = new PipePeer();
        var running = peer.Connection.RunAsync((_, _) => { });
        var reading = peer.ReadIdsAsync(senders * perSender);
        using var start = new Barrier(senders);

        var sending = Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perSender; i++)
            {
                await peer.Connection.SendAsync(PipePeer.Ping((sender * 1_000_000L) + i));
            }
        }));
        await Task.WhenAll(sending).WaitAsync(Wait);
        var ids = await reading.WaitAsync(Wait);

        Assert.Equal(senders * perSender, ids.Count);
        foreach (var bySender in ids.GroupBy(id => id / 1_000_000L))
        {
            Assert.Equal(Enumerable.Range(0, perSender).Select(i => (bySender.Key * 1_000_000L) + i), bySender);
        }

        peer.EndInput();
        await running.WaitAsync(Wait);
        Assert.True(peer.Connection.IsClosed);
    }

    [Fact]
    public async Task A_peer_that_does_not_read_holds_senders_once_the_outbox_is_full_and_reading_releases_them()
    {
        var peer = new PipePeer(pauseWriterThreshold: 1024);
        var running = peer.Connection.RunAsync((_, _) => { });

        // Nobody reads: the pipe fills, the flush waits, then the outbox fills. The bound is the
        // outbox (8192) plus what fits in the pipe before its flush waits.
        var sent = 0;
        ValueTask held = default;
        while (sent < 20_000)
        {
            held = peer.Connection.SendAsync(PipePeer.Ping(sent++));
            if (!held.IsCompleted)
            {
                break;
            }
        }

        Assert.False(held.IsCompleted, $"all {sent} sends completed although nobody read");
        Assert.InRange(sent, 8192, 8192 + 1024);

        var ids = await peer.ReadIdsAsync(sent).WaitAsync(Wait);
        await held.AsTask().WaitAsync(Wait);
        Assert.Equal(Enumerable.Range(0, sent).Select(i => (long)i), ids);

        peer.EndInput();
        await running.WaitAsync(Wait);
    }

    [Fact]
    public async Task Closing_fails_held_and_later_sends_at_once_and_the_read_loop_ends()
    {
        var peer = new PipePeer(pauseWriterThreshold: 1024);
        var running = peer.Connection.RunAsync((_, _) => { });
        var sent = 0;
        ValueTask held = default;
        while (sent < 20_000 && (held = peer.Connection.SendAsync(PipePeer.Ping(sent++))).IsCompleted)
        {
        }

        Assert.False(held.IsCompleted);
        peer.Connection.Close();

        await Assert.ThrowsAsync<IOException>(() => held.AsTask().WaitAsync(Wait));
        await Assert.ThrowsAsync<IOException>(() => peer.Connection.SendAsync(PipePeer.Ping(-1)).AsTask().WaitAsync(Wait));
        await running.WaitAsync(Wait);
    }

    [Fact]
    public async Task Closing_while_many_threads_send_fails_some_sends_cleanly_and_the_read_loop_still_ends()
    {
        const int senders = 8;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var peer = new PipePeer(pauseWriterThreshold: 4096);
            var running = peer.Connection.RunAsync((_, _) => { });
            using var start = new Barrier(senders + 1);
            var sending = Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
            {
                start.SignalAndWait();
                var failed = false;
                for (var i = 0; i < 2_000 && !failed; i++)
                {
                    var frame = PipePeer.Ping(i);
                    try
                    {
                        await peer.Connection.SendAsync(frame);
                    }
                    catch (IOException)
                    {
                        // A failed send leaves the frame to its sender, as callers do.
                        frame.Release();
                        failed = true;
                    }
                }
            })).ToList();

            start.SignalAndWait();
            peer.Connection.Close();

            // Only IOException may come out of a send (anything else fails WhenAll), and the
            // read loop ends although writers were busy when the connection closed.
            await Task.WhenAll(sending).WaitAsync(Wait);
            await running.WaitAsync(Wait);
            await Assert.ThrowsAsync<IOException>(() => peer.Connection.SendAsync(PipePeer.Ping(-1)).AsTask());
        }
    }
}
