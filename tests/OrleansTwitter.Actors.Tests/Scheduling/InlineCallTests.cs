using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Scheduling;

/// <summary>
/// The inline path: a call from outside any grain, or from another grain's turn, to an idle
/// activation runs its first turn on the caller's thread. Everything the queued path
/// guarantees must still hold.
/// </summary>
public sealed class InlineCallTests
{
    private const int Callers = 200;
    private const int CallsPerCaller = 20;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_call_from_outside_any_grain_to_an_idle_activation_runs_on_the_callers_thread_and_leaves_no_pending_call()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-idle");
        await WarmUpInlineAsync(grain);

        var observed = await grain.EnterAsync(Environment.CurrentManagedThreadId, 0);

        Assert.True(observed.RanOnCallerThread, "the first turn of a call to an idle activation should run on the caller's thread");
        Assert.True(observed.StayedOnScheduler);
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task An_inline_call_whose_grain_awaits_resumes_on_the_activation_scheduler_and_completes()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-awaits");
        await WarmUpInlineAsync(grain);

        var observed = await grain.EnterAsync(Environment.CurrentManagedThreadId, 4).WaitAsync(Wait);

        Assert.True(observed.RanOnCallerThread);
        Assert.True(observed.StayedOnScheduler, "an await in an inline turn resumed off the activation's scheduler");
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task An_inline_call_from_a_thread_with_a_synchronization_context_still_resumes_on_the_activation_scheduler()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-sync-context");
        await WarmUpInlineAsync(grain);

        var context = new CountingSynchronizationContext();
        var observed = await Task.Run(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            try
            {
                // Started here, awaited below: only the grain's own awaits can post to the context.
                return grain.EnterAsync(Environment.CurrentManagedThreadId, 4);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }
        }).WaitAsync(Wait);

        Assert.True(observed.RanOnCallerThread);
        Assert.True(observed.StayedOnScheduler);
        Assert.Equal(0, context.Posts);
    }

    [Fact]
    public async Task Inline_calls_and_concurrent_queued_callers_never_overlap_turns()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-concurrent");
        var before = await grain.GetStatsAsync();

        // Callers alternate calls that finish in their first turn (inline when the activation
        // is idle) with calls that await, so inline and queued requests race for the activation.
        await RunParallelCallers(async caller =>
        {
            for (var call = 0; call < CallsPerCaller; call++)
            {
                await grain.EnterAsync(Environment.CurrentManagedThreadId, (caller + call) % 3);
            }
        });

        var stats = await grain.GetStatsAsync();
        var inline = stats.InlineCalls - before.InlineCalls;
        Assert.Equal(Callers * CallsPerCaller, stats.Calls - before.Calls);
        Assert.True(inline > 0, "no call ran inline, so the test did not exercise the inline path");
        Assert.True(inline < Callers * CallsPerCaller, "every call ran inline, so none was queued behind another");
        Assert.Equal(1, stats.MaxRequestsInFlight);
        Assert.Equal(1, stats.MaxTurnsAtOnce);
        Assert.Equal(0, stats.SchedulerEscapes);
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task An_inline_call_answered_in_its_turn_returns_the_result_and_one_that_resumes_right_after_it_gets_its_result_whoever_reports_first()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-handover");
        await WarmUpInlineAsync(grain);

        // With one await the continuation is queued while the caller holds the scheduler and
        // runs on the pool as soon as it lets go: the outcome then races the caller's hand-over
        // to a pending call. Either way each call must get its own result, exactly once.
        for (var call = 0; call < 500; call++)
        {
            var observed = await grain.EnterAsync(Environment.CurrentManagedThreadId, call % 2).WaitAsync(Wait);
            Assert.True(observed.StayedOnScheduler);
        }

        var stats = await grain.GetStatsAsync();
        Assert.True(stats.InlineCalls > 0, "no call ran inline, so the test did not exercise the inline path");
        Assert.Equal(1, stats.MaxTurnsAtOnce);
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task Continuations_queued_while_an_inline_caller_holds_the_scheduler_all_run_after_it_lets_go()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IReentrantInlineProbeGrain>("inline-release");
        var before = await grain.GetStatsAsync();

        // Reentrant, so queued requests and continuations keep arriving at the scheduler while
        // inline callers claim and release it without its lock: a task queued during a
        // release that nobody handed to the pool would leave its call hanging past the wait.
        await RunParallelCallers(async caller =>
        {
            for (var call = 0; call < CallsPerCaller; call++)
            {
                await grain.EnterAsync(Environment.CurrentManagedThreadId, (caller + call) % 2);
            }
        });

        var stats = await grain.GetStatsAsync();
        Assert.Equal(Callers * CallsPerCaller, stats.Calls - before.Calls);
        Assert.Equal(1, stats.MaxTurnsAtOnce);
        Assert.Equal(0, stats.SchedulerEscapes);
    }

    [Fact]
    public async Task Inline_turns_and_interleaving_requests_of_a_reentrant_grain_never_overlap()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IReentrantInlineProbeGrain>("inline-reentrant");
        var before = await grain.GetStatsAsync();

        // A request that interleaves starts while an inline turn runs; only the claimed
        // scheduler keeps its turn from running on another thread at the same time.
        await RunParallelCallers(async caller =>
        {
            for (var call = 0; call < CallsPerCaller; call++)
            {
                await grain.EnterAsync(Environment.CurrentManagedThreadId, (caller + call) % 3);
            }
        });

        var stats = await grain.GetStatsAsync();
        Assert.Equal(Callers * CallsPerCaller, stats.Calls - before.Calls);
        Assert.True(stats.InlineCalls > before.InlineCalls, "no call ran inline, so the test did not exercise the inline path");
        Assert.True(stats.MaxRequestsInFlight > 1, $"expected interleaved requests, saw at most {stats.MaxRequestsInFlight} in flight");
        Assert.Equal(1, stats.MaxTurnsAtOnce);
        Assert.Equal(0, stats.SchedulerEscapes);
    }

    [Fact]
    public async Task An_exception_thrown_in_an_inline_turn_reaches_the_caller_with_its_type_and_message_and_the_grain_keeps_serving()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-throws");
        await WarmUpInlineAsync(grain);

        var failed = await Assert.ThrowsAsync<FaultyGrainException>(() => grain.FailAsync("inline failure").WaitAsync(Wait));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => grain.FailSynchronously("bad argument").WaitAsync(Wait));

        Assert.Equal("inline failure", failed.Message);
        Assert.StartsWith("bad argument", refused.Message, StringComparison.Ordinal);
        Assert.Equal("message", refused.ParamName);
        var observed = await grain.EnterAsync(Environment.CurrentManagedThreadId, 0).WaitAsync(Wait);
        Assert.True(observed.RanOnCallerThread, "after a failed inline turn the activation should be idle again");
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task Value_task_results_come_back_from_inline_calls_whether_the_grain_answers_in_its_turn_or_after_awaiting()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-value-task");
        await WarmUpInlineAsync(grain);

        // Answered in its inline turn, the call returns a finished task: it never queued.
        var answeredInTurn = grain.DoubleAsync(21, 0);
        Assert.True(answeredInTurn.IsCompletedSuccessfully, "a call to an idle activation that answers in its first turn should return a finished task");
        var inTurn = await answeredInTurn;
        var afterAwaits = await grain.DoubleAsync(long.MaxValue / 4, 3).AsTask().WaitAsync(Wait);
        var failed = await Assert.ThrowsAsync<FaultyGrainException>(() => grain.FailAfterAwaitAsync("typed failure").AsTask().WaitAsync(Wait));

        Assert.Equal(42, inTurn);
        Assert.Equal(long.MaxValue / 4 * 2, afterAwaits);
        Assert.Equal("typed failure", failed.Message);
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task A_call_from_a_grain_turn_to_an_idle_activation_runs_nested_in_that_turn_and_leaves_no_pending_call()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var caller = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-nesting-caller");
        var callee = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-nesting-callee");
        await WarmUpInlineAsync(callee);

        // The callee's activating call may leave its scheduler held a moment after it answers
        // (see WarmUpInlineAsync), so a call may queue; once idle, a grain's call runs nested.
        InlineObservation? nested = null;
        for (var attempt = 0; attempt < 100 && nested is null; attempt++)
        {
            var observed = await caller.CallFromTurnAsync("inline-nesting-callee", 0).WaitAsync(Wait);
            nested = observed.NestedInCallersTurn ? observed : null;
        }

        Assert.NotNull(nested);
        Assert.True(nested.RanOnCallerThread);
        Assert.True(nested.StayedOnScheduler);
        var awaited = await caller.CallFromTurnAsync("inline-nesting-callee", 4).WaitAsync(Wait);
        Assert.True(awaited.StayedOnScheduler, "an await in a nested turn resumed off the callee's scheduler");
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task Turns_nest_at_most_the_bounded_depth_and_a_call_below_it_queues()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var top = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-depth-0");
        string[] chain = [.. Enumerable.Range(1, ActivationTaskScheduler.MaxNestingDepth + 2).Select(level => $"inline-depth-{level}")];
        foreach (var key in chain)
        {
            await WarmUpInlineAsync(silo.GrainFactory.GetGrain<IInlineProbeGrain>(key));
        }

        // Levels 1..MaxNestingDepth nest in the turn above them; the next level would be one
        // too deep, so it queues and runs on the pool, where the level after it nests again.
        var deepest = ActivationTaskScheduler.MaxNestingDepth;
        var sawEveryAllowedLevelNest = false;
        for (var attempt = 0; attempt < 100 && !sawEveryAllowedLevelNest; attempt++)
        {
            var nested = await top.CallDownAsync(chain).WaitAsync(Wait);
            Assert.Equal(chain.Length, nested.Count);
            Assert.False(nested[deepest], $"level {deepest + 1} ran nested {deepest + 1} turns deep: [{string.Join(", ", nested)}]");
            sawEveryAllowedLevelNest = nested.Take(deepest).All(n => n) && nested[deepest + 1];
        }

        Assert.True(sawEveryAllowedLevelNest, "the levels within the bound never all ran nested");
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task Nested_calls_from_many_grains_to_one_callee_never_overlap_its_turns()
    {
        await using var silo = await StartAsync(new LifecycleJournal());
        var callee = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-shared-callee");
        var before = await callee.GetStatsAsync();

        // Each caller is a grain of its own, so many grain turns race to run the callee nested
        // while others' calls queue to it and its awaits resume on its scheduler. Whether any
        // call finds the callee idle is up to the race (on a loaded machine a round can queue
        // every call), so a few rounds are allowed for both paths to happen.
        const int maxRounds = 5;
        var nested = 0;
        var calls = 0;
        for (var round = 0; round < maxRounds && (nested == 0 || nested == calls); round++)
        {
            await RunParallelCallers(async caller =>
            {
                var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>($"inline-shared-caller-{caller}");
                for (var call = 0; call < CallsPerCaller; call++)
                {
                    var observed = await grain.CallFromTurnAsync("inline-shared-callee", (caller + call) % 3);
                    Assert.True(observed.StayedOnScheduler);
                    if (observed.NestedInCallersTurn)
                    {
                        Interlocked.Increment(ref nested);
                    }
                }
            });
            calls += Callers * CallsPerCaller;
        }

        var stats = await callee.GetStatsAsync();
        Assert.Equal(calls, stats.Calls - before.Calls);
        Assert.True(nested > 0, $"no call of {calls} ran nested in {maxRounds} rounds, so the test did not exercise the nested path");
        Assert.True(nested < calls, $"all {calls} calls ran nested, so none was queued behind another");
        Assert.Equal(1, stats.MaxRequestsInFlight);
        Assert.Equal(1, stats.MaxTurnsAtOnce);
        Assert.Equal(0, stats.SchedulerEscapes);
        Assert.Equal(0, silo.Silo.PendingCalls.Count);
    }

    [Fact]
    public async Task A_call_from_outside_to_a_deactivating_grain_is_not_run_inline_and_reaches_a_new_activation()
    {
        var journal = new LifecycleJournal();
        await using var silo = await StartAsync(journal);
        var grain = silo.GrainFactory.GetGrain<IInlineProbeGrain>("inline-deactivating");
        var before = await grain.EnterAsync(Environment.CurrentManagedThreadId, 0);

        await grain.DeactivateHeldAsync();
        await journal.WaitForAsync("deactivating:inline-deactivating", Wait);
        var during = grain.EnterAsync(Environment.CurrentManagedThreadId, 0);

        // The old activation is in OnDeactivateAsync until released: the call cannot have run.
        Assert.False(during.IsCompleted, "a call ran on an activation that was deactivating");
        journal.Record("release:inline-deactivating");
        var after = await during.WaitAsync(Wait);

        Assert.NotEqual(before.ActivationId, after.ActivationId);
    }

    /// <summary>
    /// Activates the grain and makes one call that runs inline. The activating call is queued,
    /// and its caller may resume before the pool thread that ran it lets go of the scheduler,
    /// so the next call may still be queued; once one call ran inline and finished, its caller
    /// released the scheduler before resuming, and the activation is idle for the next.
    /// </summary>
    private static async Task WarmUpInlineAsync(IInlineProbeGrain grain)
    {
        const int Attempts = 100;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if ((await grain.EnterAsync(Environment.CurrentManagedThreadId, 0).WaitAsync(Wait)).RanOnCallerThread)
            {
                return;
            }
        }

        Assert.Fail($"no call ran inline in {Attempts} calls to an otherwise idle grain");
    }

    private static Task<TestSilo> StartAsync(LifecycleJournal journal) =>
        TestSilo.StartAsync(s => s.Services.AddSingleton(journal));

    private static async Task RunParallelCallers(Func<int, Task> caller)
    {
        // An asynchronous gate: blocking pool threads would starve the silo.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await caller(i);
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(callers).WaitAsync(Wait);
    }

    /// <summary>Counts what is posted to it and runs it on the pool.</summary>
    private sealed class CountingSynchronizationContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
