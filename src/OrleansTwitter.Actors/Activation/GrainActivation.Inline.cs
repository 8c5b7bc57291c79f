namespace OrleansTwitter.Actors.Activation;

/// <summary>
/// The inline path: a request to an activation with nothing queued or running, from a caller
/// outside any grain or from another activation's turn, runs on the caller's thread instead of
/// hopping to the thread pool and back (two hops cost more than all the rest of a local call).
/// Its turns still belong to the activation: the scheduler is claimed for the run, so no other
/// turn overlaps it, and the grain's awaits resume on the activation's scheduler as they would
/// after a hop.
/// </summary>
internal sealed partial class GrainActivation
{
    /// <summary>
    /// Runs <paramref name="item"/>'s first turn on the calling thread when the activation is
    /// valid and idle and its scheduler is free: <paramref name="turn"/>, a task not yet
    /// started, must start it through <see cref="RunInlineTurn"/>. The request then reports its
    /// outcome to its sink as usual (already, when the grain did not await). False when the caller must queue
    /// it instead: activating, deactivating, busy, or the thread's stack is too deep.
    /// The caller is outside any grain turn, or in another activation's turn that
    /// <see cref="ActivationTaskScheduler.MayRunNestedTurn"/>.
    /// </summary>
    public bool TryRunInline(RequestWorkItem item, Task turn)
    {
        // A turn runs on top of the caller's stack here: leave a deep stack to the pool.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return false;
        }

        lock (_lock)
        {
            // Idle means nothing running and nothing waiting: an inline request must not
            // overtake a queued one, and with nothing running no request can be in a cycle
            // with this one (a deadlock needs a running request to wait on).
            if (_status != ActivationStatus.Valid
                || _pendingDeactivation is not null
                || _running != 0
                || _waiting.Count != 0
                || !_scheduler.TryClaim())
            {
                return false;
            }

            item.Owner = this;
            _activityInFlight++;
            _running++;
            if (!item.Interleaves)
            {
                _runningExclusive = item;
            }

            _lastActivityTimestamp = _environment.Clock.Timestamp;
        }

        // The turn's end (in RunWorkItemAsync) books it as finished and pumps under the lock,
        // as a pool turn's does; what it starts is queued to the claimed scheduler and handed
        // to the pool when the claim is released.
        _scheduler.RunClaimed(turn);
        return true;
    }

    /// <summary>Starts the request <see cref="TryRunInline"/> admitted, from inside its turn's task.</summary>
    public void RunInlineTurn(RequestWorkItem item) => _ = RunWorkItemAsync(item);
}
