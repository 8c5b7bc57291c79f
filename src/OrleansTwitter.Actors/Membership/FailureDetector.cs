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
        if (await ProbeAsync(silo))
        {
            _misses.TryRemove(silo, out _);
            return;
        }

        var misses = _misses.AddOrUpdate(silo, 1, (_, n) => n + 1);
        MembershipLog.ProbeMissed(logger, membership.Self.ToString(), misses, silo.ToString());
        if (misses >= membership.Options.MissedProbesLimit && !_stopping.IsCancellationRequested)
        {
            try
            {
                await membership.VoteAsync(silo, _stopping.Token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                MembershipLog.TableOperationFailed(logger, exception, "vote");
            }
        }
    }

    private async Task<bool> ProbeAsync(SiloAddress silo)
    {
        var id = Interlocked.Increment(ref _lastPingId);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = answered;
        try
        {
            var connection = await connections.GetAsync(silo).WaitAsync(membership.Options.ProbeTimeout, time, _stopping.Token);
            await connection.SendAsync(EncodedFrame.Encode(id, static (w, ping) => MessageCodec.WriteSignal(w, FrameKind.Ping, ping)));
            await answered.Task.WaitAsync(membership.Options.ProbeTimeout, time, _stopping.Token);
            return true;
        }
        catch (Exception exception) when (exception is SiloUnavailableException or IOException or TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            // Stopping: not a verdict on the other silo.
            return true;
        }
        finally
        {
            _pings.TryRemove(id, out _);
        }
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
