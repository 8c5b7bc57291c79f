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
/// peer slows its callers instead of growing memory.
/// <para>
/// Whoever finds nobody writing becomes the writer: on a quiet connection that is the sender
/// itself, which writes and flushes its frame on its own thread instead of waking a writer loop
/// (the flush hands the bytes to Kestrel's I/O queue, which sends what many flushes gathered).
/// While a writer is busy, other senders only queue, and the writer drains everything
/// queued before each flush, so frames still coalesce into few writes under load. A writer
/// whose flush must wait (the peer is slow), or that finds more frames after a few rounds,
/// hands the rest to a background writer so no sender is held for others' frames.
/// </para>
/// </summary>
internal sealed class Connection : IThreadPoolWorkItem
{
    /// <summary>Frames that may wait to be written; senders wait once this many are queued.</summary>
    internal const int OutboxCapacity = 8192;

    // Rounds of "drain, flush" a sender runs on its own thread before handing over: enough for
    // the frames that queued while it wrote, few enough that a sender is not kept writing for
    // a busy connection.
    private const int InlineWriteRounds = 4;

    private readonly IDuplexPipe _transport;
    private readonly Action _abort;
    private readonly IFrameResolver _resolver;
    private readonly ILogger _logger;

    // Several threads read the outbox, one at a time: only the holder of _writing does.
    private readonly Channel<EncodedFrame> _outbox = Channel.CreateBounded<EncodedFrame>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Who may write to the pipe: nobody (Idle), one thread (Writing), or nobody ever again
    // (Retired, once the connection closed and its last writer let go).
    private const int Idle = 0;
    private const int Writing = 1;
    private const int Retired = 2;
    private int _writer;
    private readonly TaskCompletionSource _retired = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

    /// <summary>
    /// Queues a frame, and writes it at once on this thread when nobody else is writing; waits
    /// while the outbox is full. Fails with <see cref="IOException"/> once the connection is
    /// closed, leaving <paramref name="frame"/> to the caller to release.
    /// </summary>
    public ValueTask SendAsync(EncodedFrame frame)
    {
        if (_outbox.Writer.TryWrite(frame))
        {
            WriteIfIdle();
            return ValueTask.CompletedTask;
        }

        return SendSlowAsync(frame);
    }

    /// <summary>Reads until either side closes; <paramref name="onFrame"/> gets every frame, on the reading thread.</summary>
    public Task RunAsync(Action<Connection, InboundFrame> onFrame)
    {
        // The read loop runs on an empty execution context. Otherwise it keeps the context of
        // whoever opened the connection (Kestrel's logging scope, or the AsyncLocals of the call
        // that connected), hands it to every turn it starts, and holds it for the connection's
        // life. A turn's task that carries a context also costs one more object per turn.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => ReadUntilClosedAsync(onFrame));
        }
    }

    private async Task ReadUntilClosedAsync(Action<Connection, InboundFrame> onFrame)
    {
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

            // The transport's pipes belong to Kestrel again once this returns: wait until no
            // sender is still writing, and make sure none starts.
            TryRetire();
            await _retired.Task;
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
            // Not on the caller's scheduler: the write that may follow is transport work.
            await _outbox.Writer.WriteAsync(frame).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The frame stays the caller's: callers release it when the send fails, and a
            // second return to the pool would hand one buffer to two frames.
            throw new IOException($"Connection {Description} is closed.");
        }

        WriteIfIdle();
    }

    /// <summary>
    /// Becomes the writer if nobody is, and writes what is queued on this thread. Every sender
    /// calls this after queueing: either it becomes the writer, or the writer it lost to sees its
    /// frame when it lets go (<see cref="KeepWriting"/>).
    /// </summary>
    private void WriteIfIdle()
    {
        if (Interlocked.CompareExchange(ref _writer, Writing, Idle) != Idle)
        {
            return;
        }

        try
        {
            for (var round = 0; round < InlineWriteRounds; round++)
            {
                WriteQueued();
                var flush = _transport.Output.FlushAsync();
                if (!flush.IsCompleted)
                {
                    // The peer is slow: wait for the flush elsewhere, still as the writer, so
                    // other senders queue (and wait once the outbox is full) meanwhile.
                    _ = WriteInBackgroundAsync(flush);
                    return;
                }

                if (IsEnd(flush.Result))
                {
                    StopWriting();
                    return;
                }

                if (!KeepWriting())
                {
                    return;
                }
            }

            // Frames keep coming: a pool thread takes over as the writer, and this sender returns.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            TransportLog.ConnectionFailed(_logger, exception, Description);
            StopWriting();
        }
    }

    /// <summary>Runs on a pool thread that was handed the writer by a sender.</summary>
    void IThreadPoolWorkItem.Execute() => _ = WriteInBackgroundAsync(default);

    /// <summary>Writes as the writer until nothing is queued, awaiting <paramref name="flush"/> first.</summary>
    private async Task WriteInBackgroundAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            while (true)
            {
                // Never resume on a sender's scheduler (a grain's, when the sender was a grain turn).
                if (IsEnd(await flush.ConfigureAwait(false)))
                {
                    StopWriting();
                    return;
                }

                if (!KeepWriting())
                {
                    return;
                }

                WriteQueued();
                flush = _transport.Output.FlushAsync();
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            TransportLog.ConnectionFailed(_logger, exception, Description);
            StopWriting();
        }
    }

    private void WriteQueued()
    {
        var output = _transport.Output;
        var reader = _outbox.Reader;

        // At most one outbox's worth per flush, so frames that keep arriving cannot postpone it.
        for (var written = 0; written < OutboxCapacity && reader.TryRead(out var frame); written++)
        {
            output.Write(frame.Buffer.AsSpan(0, frame.Length));
            frame.Release();
        }
    }

    /// <summary>
    /// Lets go of the writer after a flush; true when this thread is the writer again because
    /// frames were queued meanwhile by senders that found it taken.
    /// </summary>
    private bool KeepWriting()
    {
        // A full fence on both sides: a sender queues, then tries to take the writer; the writer
        // lets go, then looks at the queue. One of the two sees the other.
        Interlocked.Exchange(ref _writer, Idle);
        if (IsClosed)
        {
            TryRetire();
            return false;
        }

        return _outbox.Reader.Count > 0 && Interlocked.CompareExchange(ref _writer, Writing, Idle) == Idle;
    }

    private void StopWriting()
    {
        Close();
        Interlocked.Exchange(ref _writer, Idle);
        TryRetire();
    }

    /// <summary>After <see cref="Close"/>: once nobody is writing, nobody may start.</summary>
    private void TryRetire()
    {
        if (IsClosed && Interlocked.CompareExchange(ref _writer, Retired, Idle) is Idle or Retired)
        {
            _retired.TrySetResult();
        }
    }

    private static bool IsEnd(FlushResult flushed) => flushed.IsCompleted || flushed.IsCanceled;

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

    /// <summary>Takes one length-prefixed frame off the front of <paramref name="buffer"/>, if it is all there.</summary>
    internal static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload)
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
}
