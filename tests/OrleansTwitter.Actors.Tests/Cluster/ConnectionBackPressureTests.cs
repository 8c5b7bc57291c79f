using System.IO.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// A peer that stops reading must slow its senders, not grow the sender's memory: the socket
/// pipe pauses, the bounded outbox fills, and sends then wait until the peer reads again.
/// </summary>
public sealed class ConnectionBackPressureTests
{
    private const long PipePauseBytes = 64 * 1024;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sends_to_a_peer_that_stops_reading_wait_once_the_outbox_is_full_and_resume_when_it_reads()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: PipePauseBytes, resumeWriterThreshold: PipePauseBytes / 2, useSynchronizationContext: false));
        var fromPeer = new Pipe();
        var connection = new Connection(new DuplexPipe(fromPeer.Reader, toPeer.Writer), () => { fromPeer.Writer.Complete(); toPeer.Reader.Complete(); }, new NoResolver(), NullLogger.Instance, "peer that stopped reading");
        var running = connection.RunAsync((_, _) => { });

        // The peer reads nothing. Count what the sender can hand over before a send has to wait.
        var accepted = 0;
        ValueTask waiting = default;
        for (var i = 0; i < 4 * Connection.OutboxCapacity; i++)
        {
            var send = connection.SendAsync(Ping(i));
            if (!send.IsCompleted)
            {
                waiting = send;
                break;
            }

            accepted++;
            if (i % 512 == 0)
            {
                // Let the writer loop move what it can into the pipe, as it would under load.
                await Task.Yield();
            }
        }

        // Bounded: at most a full outbox, plus one batch the writer moved into the paused pipe.
        Assert.False(waiting.IsCompleted, $"every one of {accepted} sends completed: nothing pushed back");
        Assert.InRange(accepted, Connection.OutboxCapacity, 2 * Connection.OutboxCapacity);
        var waitingTask = waiting.AsTask();
        Assert.NotSame(waitingTask, await Task.WhenAny(waitingTask, Task.Delay(TimeSpan.FromMilliseconds(200))));

        // The peer reads again: the waiting send goes through.
        var reading = DrainAsync(toPeer.Reader, waitingTask);
        await waitingTask.WaitAsync(Wait);
        await reading.WaitAsync(Wait);

        connection.Close();
        await running.WaitAsync(Wait);
        await Assert.ThrowsAsync<IOException>(async () => await connection.SendAsync(Ping(-1)));
    }

    private static EncodedFrame Ping(long id) => EncodedFrame.Encode(id, static (w, ping) => MessageCodec.WriteSignal(w, FrameKind.Ping, ping));

    private static async Task DrainAsync(PipeReader reader, Task until)
    {
        while (!until.IsCompleted)
        {
            var read = await reader.ReadAsync();
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    private sealed class NoResolver : IFrameResolver
    {
        public GrainRequest? CreateRequest(int interfaceId, int methodId) => null;

        public GrainRequest? PendingRequest(long requestId) => null;

        public GrainReference CreateReference(Type interfaceType, GrainId grain) => throw new NotSupportedException();
    }
}
