using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Every call in flight from this process, by request id. One periodic scan enforces the
/// response timeout for all of them, which is far cheaper than a timer per call.
/// </summary>
internal sealed class PendingCallRegistry : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingCall> _calls = new();
    private readonly TimeSpan _responseTimeout;

    // From the coarse clock to a new call's deadline: added once here rather than per call.
    private readonly TimeSpan _deadlineDistance;
    private readonly ITimer _scanTimer;
    // Request ids identify a request across processes too (call chains carry them): a random
    // per-process prefix in the high bits makes two callers' ids collide only by a 1 in 2^30 chance.
    private long _lastRequestId = Random.Shared.NextInt64(1, 1L << 30) << 32;

    public PendingCallRegistry(IOptions<MessagingOptions> options, TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        var period = options.Value.EffectiveScanPeriod;
        Clock = new CoarseClock(timeProvider, period);
        _responseTimeout = options.Value.ResponseTimeout;
        if (_responseTimeout <= TimeSpan.Zero)
        {
            throw new OptionsValidationException(nameof(MessagingOptions), typeof(MessagingOptions), [$"{nameof(MessagingOptions.ResponseTimeout)} must be positive; it is {_responseTimeout}."]);
        }

        _deadlineDistance = _responseTimeout + period;
        _scanTimer = timeProvider.CreateTimer(static state => ((PendingCallRegistry)state!).ExpireOverdueCalls(), this, period, period);
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>The time as of the last scan: what calls read their deadline (and activations their activity) from.</summary>
    public CoarseClock Clock { get; }

    public int Count => _calls.Count;

    public TimeSpan ResponseTimeout => _responseTimeout;

    /// <summary>
    /// What to do with a call refused before it ran; set by the cluster router. Without one
    /// (a single silo) the refusal fails the call with <see cref="Core.SiloUnavailableException"/>.
    /// </summary>
    public Action<PendingCall, string>? RejectionHandler { get; set; }

    internal void OnRejected(PendingCall call, string reason)
    {
        if (RejectionHandler is { } handler)
        {
            handler(call, reason);
        }
        else
        {
            call.Fail(new Core.SiloUnavailableException($"Request #{call.RequestId} was refused: {reason}"));
        }
    }

    /// <summary>A request id for a message that no pending call answers (a multicast delivery).</summary>
    public long NextRequestId() => Interlocked.Increment(ref _lastRequestId);

    /// <summary>
    /// The deadline of a call made now. The clock lags by up to a scan period, so the deadline
    /// adds one: a call never times out before <see cref="ResponseTimeout"/> has passed.
    /// </summary>
    public DateTimeOffset NewDeadline() => Clock.UtcNow + _deadlineDistance;

    /// <summary>
    /// The start of a call for the duration histogram, or 0 when nothing listens to it: a
    /// precise clock read per call costs more than the rest of a local call.
    /// </summary>
    public long StartTimestamp() => ActorsInstruments.CallDuration.Enabled ? TimeProvider.GetTimestamp() : 0;

    /// <summary>Creates and registers a call that the caller can await.</summary>
    public PendingCall<T> Create<T>()
    {
        var requestId = NextRequestId();
        var call = new PendingCall<T>(this, requestId, NewDeadline(), StartTimestamp());
        _calls[requestId] = call;
        return call;
    }

    /// <summary>
    /// Registers a call for a request that already exists (one that ran inline and did not
    /// finish in its first turn): same id, same deadline, so timeouts and call chains name it.
    /// </summary>
    public PendingCall<T> Adopt<T>(Message message, long startTimestamp)
    {
        var call = new PendingCall<T>(this, message.RequestId, message.Deadline, startTimestamp) { Message = message };
        _calls[message.RequestId] = call;
        return call;
    }

    /// <summary>Registers a call created elsewhere (a relay of a forwarded request), with its caller's deadline.</summary>
    public T Register<T>(DateTimeOffset deadline, Func<long, DateTimeOffset, long, T> create)
        where T : PendingCall
    {
        var requestId = NextRequestId();
        var call = create(requestId, deadline, StartTimestamp());
        _calls[requestId] = call;
        return call;
    }

    public bool TryGet(long requestId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PendingCall? call) => _calls.TryGetValue(requestId, out call);

    /// <summary>Fails the calls <paramref name="affected"/> selects, e.g. those sent to a silo whose connection dropped.</summary>
    public int AbandonWhere(Func<PendingCall, bool> affected, Func<PendingCall, Exception> reason)
    {
        var abandoned = 0;
        foreach (var (id, call) in _calls)
        {
            if (affected(call) && _calls.TryRemove(id, out _))
            {
                call.Abandon(reason(call));
                abandoned++;
            }
        }

        return abandoned;
    }

    /// <summary>True when this removed the call, i.e. the caller is the one to complete it.</summary>
    public bool Remove(long requestId) => _calls.TryRemove(requestId, out _);

    /// <summary>Fails every pending call, for example when the process shuts down.</summary>
    public void AbandonAll(Func<PendingCall, Exception> reason)
    {
        foreach (var (id, call) in _calls)
        {
            if (_calls.TryRemove(id, out _))
            {
                call.Abandon(reason(call));
            }
        }
    }

    internal void ExpireOverdueCalls()
    {
        var now = Clock.Refresh();
        PendingCall[]? snapshot = null;
        foreach (var (id, call) in _calls)
        {
            if (call.Deadline > now)
            {
                continue;
            }

            // Timeouts are rare: the snapshot for describing them is taken only when one happens,
            // before any is removed, so every expiring call can still see its downstream calls.
            snapshot ??= [.. _calls.Values];
            if (_calls.TryRemove(id, out _))
            {
                call.TimeOut(_responseTimeout, DeepestDownstream(snapshot, call.RequestId));
            }
        }
    }

    private static PendingCall? DeepestDownstream(PendingCall[] calls, long requestId) =>
        calls.Where(c => c.Message?.CallChain?.DescendsFrom(requestId) == true).MaxBy(c => c.Message!.CallChain!.Depth);

    public void Dispose() => _scanTimer.Dispose();
}
