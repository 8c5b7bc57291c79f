using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Membership;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// One TCP connection, as a pair of pipes. Frames queue in a bounded outbox: when the peer
/// reads slowly the pipe's flush waits, the outbox fills, and senders wait in turn, so a slow
/// peer slows its callers instead of growing memory. The writer loop drains everything queued
/// into the pipe before each flush, coalescing frames into few writes.
/// </summary>
internal sealed class Connection
{
    /// <summary>Frames that may wait to be written; senders wait once this many are queued.</summary>
    internal const int OutboxCapacity = 8192;

    private readonly IDuplexPipe _transport;
    private readonly Action _abort;
    private readonly IFrameResolver _resolver;
    private readonly ILogger _logger;
    private readonly Channel<EncodedFrame> _outbox = Channel.CreateBounded<EncodedFrame>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Connection(IDuplexPipe transport, Action abort, IFrameResolver resolver, ILogger logger, string description)
    {
        _transport = transport;
        _abort = abort;
        _resolver = resolver;
        _logger = logger;
        Description = description;
    }

    public string Description { get; }

    /// <summary>The silo at the other end, once its hello arrived (null for a client).</summary>
    public SiloAddress? RemoteSilo { get; set; }

    /// <summary>The client at the other end, once its hello arrived.</summary>
    public string? RemoteClientId { get; set; }

    public Task Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>Queues a frame, waiting while the outbox is full. Fails once the connection is closed.</summary>
    public ValueTask SendAsync(EncodedFrame frame)
    {
        if (_outbox.Writer.TryWrite(frame))
        {
            return ValueTask.CompletedTask;
        }

        return SendSlowAsync(frame);
    }

    /// <summary>Reads and writes until either side closes; <paramref name="onFrame"/> gets every frame, on the reading thread.</summary>
    public async Task RunAsync(Action<Connection, InboundFrame> onFrame)
    {
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync(onFrame);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or System.Text.Json.JsonException or OperationCanceledException)
        {
            TransportLog.ConnectionFailed(_logger, exception, Description);
        }
        finally
        {
            Close();
            await writing;
        }
    }

    /// <summary>Closes at once: queued frames are dropped and the socket is aborted (no goodbye).</summary>
    public void Close()
    {
        if (_closed.TrySetResult())
        {
            _outbox.Writer.TryComplete();
            _abort();
            while (_outbox.Reader.TryRead(out var dropped))
            {
                dropped.Release();
            }
        }
    }

    private async ValueTask SendSlowAsync(EncodedFrame frame)
    {
        try
        {
            await _outbox.Writer.WriteAsync(frame);
        }
        catch (ChannelClosedException)
        {
            frame.Release();
            throw new IOException($"Connection {Description} is closed.");
        }
    }

    private async Task ReadLoopAsync(Action<Connection, InboundFrame> onFrame)
    {
        var input = _transport.Input;
        while (true)
        {
            var read = await input.ReadAsync();
            var buffer = read.Buffer;
            while (TryReadFrame(ref buffer, out var payload))
            {
                onFrame(this, MessageCodec.Read(payload, _resolver));
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                return;
            }
        }
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > EncodedFrame.MaxPayloadBytes)
        {
            throw new InvalidOperationException($"Frame length {length} is outside 0..{EncodedFrame.MaxPayloadBytes}: the stream is corrupt or not ours.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        payload = buffer.Slice(4, length);
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private async Task WriteLoopAsync()
    {
        var output = _transport.Output;
        var reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var frame))
                {
                    output.Write(frame.Buffer.AsSpan(0, frame.Length));
                    frame.Release();
                }

                var flushed = await output.FlushAsync();
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or OperationCanceledException)
        {
            TransportLog.ConnectionFailed(_logger, exception, Description);
        }
        finally
        {
            Close();
        }
    }
}
