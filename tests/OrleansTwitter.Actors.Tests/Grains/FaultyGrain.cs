using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public async Task ThrowAsync(string message)
    {
        await Task.Yield();
        throw new FaultyGrainException(message);
    }

    public Task<int> ThrowSynchronously(string message) => throw new ArgumentException(message, nameof(message));

    public Task HangAsync() => new TaskCompletionSource().Task;

    public ValueTask<int> AddAsync(int a, int b) => ValueTask.FromResult(a + b);
}

public sealed class ActivationFailureGrain(LifecycleJournal journal) : Grain, IActivationFailureGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        journal.Record($"activating:{key}");
        return journal.Count($"activating:{key}") == 1
            ? throw new InvalidOperationException($"activation of {key} fails the first time")
            : Task.CompletedTask;
    }

    public Task<string> PingAsync() => Task.FromResult("alive");
}
