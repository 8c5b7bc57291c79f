using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

public interface IMulticastTargetGrain : IGrainWithStringKey
{
    Task ReceiveAsync(MulticastPayload payload);

    Task<int> GetReceivedCountAsync();
}

public sealed record MulticastPayload(string Text, bool Fail = false);

public sealed class MulticastTargetGrain : Grain, IMulticastTargetGrain
{
    private int _received;

    public Task ReceiveAsync(MulticastPayload payload)
    {
        if (payload.Fail)
        {
            throw new InvalidOperationException($"{this.GetPrimaryKeyString()} refused {payload.Text}");
        }

        _received++;
        return Task.CompletedTask;
    }

    public Task<int> GetReceivedCountAsync() => Task.FromResult(_received);
}
