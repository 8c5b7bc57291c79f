namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// The request of a method that returns a <typeparamref name="TResult"/>. Besides the boxed
/// <see cref="GrainRequest.InvokeAsync"/> that queues, forwarding and the wire use, it can
/// return the result as it is: a call that runs on its caller's thread hands it over unboxed.
/// </summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on <paramref name="grain"/> and returns its result as the method returned it.</summary>
    public abstract ValueTask<TResult> InvokeTypedAsync(object grain);

    public sealed override ValueTask<object?> InvokeAsync(object grain)
    {
        var outcome = InvokeTypedAsync(grain);
        return outcome.IsCompletedSuccessfully ? new ValueTask<object?>(outcome.Result) : AwaitBoxedAsync(outcome);

        static async ValueTask<object?> AwaitBoxedAsync(ValueTask<TResult> outcome) => await outcome;
    }
}
