using System.IO.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Tests.Transport;

/// <summary>
/// A <see cref="Connection"/> over in-memory pipes, with the test as the peer: the test reads
/// what the connection writes (or leaves it unread, as a slow peer does) and can end its input.
/// Aborting the connection ends both directions, as a socket abort does.
/// </summary>
internal sealed class PipePeer : IFrameResolver
{
    private readonly Pipe _toConnection = new();
    private readonly Pipe _fromConnection;

    public PipePeer(long pauseWriterThreshold = 65536)
    {
        _fromConnection = new Pipe(new PipeOptions(pauseWriterThreshold: pauseWriterThreshold, resumeWriterThreshold: pauseWriterThreshold / 2, useSynchronizationContext: false));
        Connection = new Connection(new Duplex(_toConnection.Reader, _fromConnection.Writer), Abort, this, NullLogger.Instance, "test connection");
    }

    public Connection Connection { get; }

    public static EncodedFrame Ping(long id) => EncodedFrame.Encode(id, static (w, i) => MessageCodec.WriteSignal(w, FrameKind.Ping, i));

    /// <summary>Reads frames the connection wrote until <paramref name="count"/> arrived or it stopped writing; returns their ids in order.</summary>
    public async Task<List<long>> ReadIdsAsync(int count)
    {
        var ids = new List<long>(count);
        var reader = _fromConnection.Reader;
        while (ids.Count < count)
        {
            var read = await reader.ReadAsync();
            var buffer = read.Buffer;
            while (Connection.TryReadFrame(ref buffer, out var payload))
            {
                ids.Add(MessageCodec.Read(payload, this).Id);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>The peer sends <paramref name="frame"/> to the connection, which reads it.</summary>
    public async Task SendToConnectionAsync(EncodedFrame frame)
    {
        try
        {
            await _toConnection.Writer.WriteAsync(frame.Buffer.AsMemory(0, frame.Length));
        }
        finally
        {
            frame.Release();
        }
    }

    /// <summary>The peer hangs up: the connection's read loop ends.</summary>
    public void EndInput() => _toConnection.Writer.Complete();

    GrainRequest? IFrameResolver.CreateRequest(int interfaceId, int methodId) => null;

    GrainRequest? IFrameResolver.PendingRequest(long requestId) => null;

    GrainReference IFrameResolver.CreateReference(Type interfaceType, GrainId grain) => throw new NotSupportedException("Pings carry no references.");

    private void Abort()
    {
        // As a socket abort: nothing more is read from the connection (a flush waiting for the
        // peer completes), and its input ends. Tests that abort do not read at the same time.
        _fromConnection.Reader.Complete();
        _toConnection.Writer.Complete();
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
