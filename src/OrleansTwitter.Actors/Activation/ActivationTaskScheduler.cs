namespace OrleansTwitter.Actors.Activation;

/// <summary>
/// Runs an activation's tasks one at a time, in order, on the thread pool. Grain code runs
/// inside tasks of this scheduler, so its awaits (which capture TaskScheduler.Current) resume
/// here too: an activation never runs two turns at once, whatever its reentrancy.
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
    private bool _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>True on the thread that is running one of this scheduler's turns.</summary>
    public bool IsRunningOnCurrentThread => ReferenceEquals(t_running, this);

    protected override void QueueTask(Task task)
    {
        lock (_lock)
        {
            _tasks.Enqueue(task);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
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

    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_running;
        t_running = this;
        try
        {
            for (var turn = 0; turn < TurnsPerQuantum; turn++)
            {
                Task? next;
                lock (_lock)
                {
                    if (!_tasks.TryDequeue(out next))
                    {
                        _scheduled = false;
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
