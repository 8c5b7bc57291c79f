using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Tests.Grains;

public sealed class LifecycleGrain(
    [PersistentState("lifecycle")] IPersistentState<LifecycleState> state,
    LifecycleJournal journal) : Grain, ILifecycleGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private string _valueAtActivation = "(not activated)";
    private int _ticks;

    private long Key => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // State is loaded before OnActivateAsync: what it sees here is what storage held.
        _valueAtActivation = state.State.Value;
        journal.Record($"activate:{Key}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate:{Key}:{reason.Code}");
        return Task.CompletedTask;
    }

    public Task<ActivationInfo> GetInfoAsync() =>
        Task.FromResult(new ActivationInfo(_activationId, _valueAtActivation, state.State.Value, state.Etag));

    public async Task SetValueAsync(string value, bool write)
    {
        state.State.Value = value;
        if (write)
        {
            await state.WriteStateAsync();
        }
    }

    public Task DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task DelayDeactivationAsync(TimeSpan duration)
    {
        DelayDeactivation(duration);
        return Task.CompletedTask;
    }

    public Task StartTimerAsync(TimeSpan period, bool keepAlive)
    {
        RegisterGrainTimer(
            _ =>
            {
                _ticks++;
                journal.Record($"tick:{Key}:{_ticks}");
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = period, Period = period, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);
}
