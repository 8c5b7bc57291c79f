namespace OrleansTwitter.Actors.Activation;

/// <summary>
/// Runs an activation's tasks one at a time, in order, on the thread pool. Grain code runs
/// inside tasks of this scheduler, so its awaits (which capture TaskScheduler.Current) resume
/// here too: an activation never runs two turns at once, whatever its reentrancy. A caller
/// outside any grain, or another activation's turn, may instead claim an idle scheduler and
/// run one task on its own thread (<see cref="TryClaim"/>, <see cref="RunClaimed"/>): the
/// claim excludes the thread pool exactly as a running pool turn does.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    // A busy activation yields its thread after this many turns so others get a go.
    private const int TurnsPerQuantum = 64;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_running;

    private readonly Queue<Task> _tasks = new();

    public ActivationTaskScheduler(GrainActivation owner) => Owner = owner;

    /// <summary>The activation whose turns this scheduler runs.</summary>
    public GrainActivation Owner { get; }
    private readonly Lock _lock = new();

    // 1 while a thread owns the right to run this scheduler's tasks: a pool work item is
    // queued or running, or a caller holds a claim. It goes from 0 to 1 only by
    // compare-exchange, so a claim (which takes no lock) and a queued task never both win it:
    // whoever wins runs the tasks, one at a time. While 0, _tasks is empty, except for a task
    // queued during a release, which then wins the scheduler back (see Release).
    private int _scheduled;

    // The task a claimed scheduler is running synchronously (see QueueTask).
    private Task? _inlineTask;

    // How many other activations' turns the running turn is nested in on its thread: 0 on a
    // pool thread, one more than the caller's for a turn run inline from a grain. Written by
    // the thread that owns the scheduler as it starts running it, read only by grain code
    // running on it, so the claim orders both.
    private int _nestingDepth;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>True on the thread that is running one of this scheduler's turns.</summary>
    public bool IsRunningOnCurrentThread => ReferenceEquals(t_running, this);

    /// <summary>
    /// The most turns of other activations a turn may be nested in on one thread (see
    /// <see cref="MayRunNestedTurn"/>). Each level holds the thread of the grain below it and
    /// adds its frames to the stack, so the chain is kept short.
    /// </summary>
    public const int MaxNestingDepth = 3;

    /// <summary>
    /// True when grain code running on this scheduler may run a callee's turn nested in its
    /// own, on its thread: it is not itself nested <see cref="MaxNestingDepth"/> deep.
    /// </summary>
    public bool MayRunNestedTurn => _nestingDepth < MaxNestingDepth;

    protected override void QueueTask(Task task)
    {
        // RunSynchronously queues its task and blocks until it ran when it cannot inline it
        // (its own stack check). Under a claim no pool worker would ever run it, so the
        // claiming thread runs it here instead of deadlocking.
        if (ReferenceEquals(task, _inlineTask) && IsRunningOnCurrentThread)
        {
            TryExecuteTask(task);
            return;
        }

        lock (_lock)
        {
            _tasks.Enqueue(task);
            if (Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }

        // Always the global FIFO queue: the thread pool serves a worker's local queue before the
        // global one, so grain-to-grain cascades queued locally would starve work arriving from
        // outside (client calls, timer ticks) for as long as the cascade lasts.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    // Inlining is safe only on the thread already running this activation's turn: the task
    // then runs as part of that turn and still nothing overlaps.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && IsRunningOnCurrentThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_lock)
        {
            return _tasks.ToArray();
        }
    }

    /// <summary>
    /// Takes the scheduler for the calling thread if nothing is queued or running; a task
    /// queued meanwhile waits until <see cref="RunClaimed"/> releases it.
    /// </summary>
    public bool TryClaim() =>
        // No lock: a task queued meanwhile is in _tasks before its compare-exchange fails,
        // so the release finds it.
        Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;

    /// <summary>
    /// Runs <paramref name="task"/> on the calling thread as this scheduler's turn, then
    /// releases the claim <see cref="TryClaim"/> took, handing whatever was queued meanwhile to
    /// the thread pool. The caller is outside any turn, or in another activation's turn that
    /// <see cref="MayRunNestedTurn"/>.
    /// </summary>
    public void RunClaimed(Task task)
    {
        // One thread-static lookup instead of three: on Linux each costs a call into the
        // runtime's TLS, a noticeable share of an inline call.
        ref var running = ref t_running;
        var previous = running;
        running = this;
        _nestingDepth = previous is null ? 0 : previous._nestingDepth + 1;

        // Grain code captures the synchronization context before the task scheduler when it
        // awaits; the caller's (a UI or test context) would take its continuations off this
        // scheduler. A pool turn has none, so neither has an inline one.
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        _inlineTask = task;
        try
        {
            task.RunSynchronously(this);
        }
        finally
        {
            _inlineTask = null;
            running = previous;
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }

            Release();
        }
    }

    // No lock, as in TryClaim. A task queued while the claim was held is in _tasks before its
    // compare-exchange found the scheduler taken; the exchange here is a full fence, so either
    // the count read after it sees that task, or the task's compare-exchange comes after the
    // exchange and schedules it itself. When both happen, one compare-exchange wins.
    private void Release()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        if (_tasks.Count != 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_running;
        t_running = this;
        _nestingDepth = 0;
        try
        {
            for (var turn = 0; turn < TurnsPerQuantum; turn++)
            {
                Task? next;
                lock (_lock)
                {
                    if (!_tasks.TryDequeue(out next))
                    {
                        Volatile.Write(ref _scheduled, 0);
                        return;
                    }
                }

                TryExecuteTask(next);
            }
        }
        finally
        {
            t_running = previous;
        }

        // Quantum used up with work left: go to the back of the thread pool's queue.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
