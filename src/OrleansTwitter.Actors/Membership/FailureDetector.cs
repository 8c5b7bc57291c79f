using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Membership;

/// <summary>
/// Probes every other active silo directly each <see cref="ClusterMembershipOptions.ProbePeriod"/>.
/// A refused connection or an unanswered ping is a miss; after
/// <see cref="ClusterMembershipOptions.MissedProbesLimit"/> misses in a row this silo votes
/// the other dead, and keeps voting while it stays silent.
/// </summary>
internal sealed class FailureDetector(MembershipService membership, SiloConnections connections, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _pings = new();
    private readonly ConcurrentDictionary<SiloAddress, int> _misses = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private long _lastPingId;

    public void Start() => _loop = LoopAsync();

    /// <summary>A pong arrived; true when it answered a ping still waiting.</summary>
    public bool OnPong(long pingId) => _pings.TryRemove(pingId, out var waiter) && waiter.TrySetResult();

    /// <summary>Stops probing and voting now; <see cref="DisposeAsync"/> then waits for the loop to end.</summary>
    public void Halt() => _stopping.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        var options = membership.Options;
        using var timer = new PeriodicTimer(options.ProbePeriod, time);
        while (await NextTick(timer))
        {
            var others = membership.View.ActiveSilos.Where(s => s != membership.Self).ToList();
            await Task.WhenAll(others.Select(ProbeAndJudgeAsync));
            foreach (var gone in _misses.Keys.Except(others).ToList())
            {
                _misses.TryRemove(gone, out _);
            }
        }
    }

    private async Task ProbeAndJudgeAsync(SiloAddress silo)
    {
        var outcome = await ProbeAsync(silo);
        if (outcome == ProbeOutcome.Answered)
        {
            _misses.TryRemove(silo, out _);
            return;
        }

        // A refused connection is not a slow silo: nothing listens on its port any more (the
        // process is gone), so it counts as every miss at once and the vote goes out now.
        var weight = outcome == ProbeOutcome.Refused ? membership.Options.MissedProbesLimit : 1;
        var misses = _misses.AddOrUpdate(silo, weight, (_, n) => n + weight);
        MembershipLog.ProbeMissed(logger, membership.Self.ToString(), misses, silo.ToString());
        if (misses >= membership.Options.MissedProbesLimit && !_stopping.IsCancellationRequested)
        {
            try
            {
                if (await membership.VoteAsync(silo, _stopping.Token))
                {
                    await TellOthersAsync(silo);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                MembershipLog.TableOperationFailed(logger, exception, "vote");
            }
        }
    }

    // Without this, the silos that voted earlier (or not at all) would go on routing to the
    // dead silo until their next table refresh: up to a whole TableRefreshPeriod more.
    private async Task TellOthersAsync(SiloAddress dead)
    {
        var others = membership.View.ActiveSilos.Where(s => s != membership.Self && s != dead);
        await Task.WhenAll(others.Select(async silo =>
        {
            try
            {
                var connection = await connections.GetAsync(silo).WaitAsync(membership.Options.ProbeTimeout, time, _stopping.Token);
                await SendWithinAsync(connection, EncodedFrame.Encode(0L, static (w, id) => MessageCodec.WriteSignal(w, FrameKind.MembershipChanged, id)));
            }
            catch (Exception exception) when (exception is SiloUnavailableException or IOException or TimeoutException or OperationCanceledException)
            {
                // Best effort: that silo still learns at its next refresh.
                MembershipLog.NotifyFailed(logger, silo.ToString(), exception.Message);
            }
        }));
    }

    private async Task<ProbeOutcome> ProbeAsync(SiloAddress silo)
    {
        var id = Interlocked.Increment(ref _lastPingId);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = answered;
        try
        {
            var connection = await connections.GetAsync(silo).WaitAsync(membership.Options.ProbeTimeout, time, _stopping.Token);
            await SendWithinAsync(connection, EncodedFrame.Encode(id, static (w, ping) => MessageCodec.WriteSignal(w, FrameKind.Ping, ping)));
            await answered.Task.WaitAsync(membership.Options.ProbeTimeout, time, _stopping.Token);
            return ProbeOutcome.Answered;
        }
        catch (SiloUnavailableException refused) when (refused.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
        {
            return ProbeOutcome.Refused;
        }
        catch (Exception exception) when (exception is SiloUnavailableException or IOException or TimeoutException)
        {
            return ProbeOutcome.Missed;
        }
        catch (OperationCanceledException)
        {
            // Stopping: not a verdict on the other silo.
            return ProbeOutcome.Answered;
        }
        finally
        {
            _pings.TryRemove(id, out _);
        }
    }

    // A peer that stops reading fills its connection's outbox, and a send then waits for room:
    // bounded here, or one such peer would hold up the whole loop and every other silo's probe.
    private async Task SendWithinAsync(Connection connection, EncodedFrame frame)
    {
        var sending = connection.SendAsync(frame);
        if (!sending.IsCompletedSuccessfully)
        {
            await sending.AsTask().WaitAsync(membership.Options.ProbeTimeout, time, _stopping.Token);
        }
    }

    private enum ProbeOutcome
    {
        Answered,
        Missed,
        Refused,
    }

    private async Task<bool> NextTick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
