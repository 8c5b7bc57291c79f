namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>A bounded wait on a condition of the silos, for the memory measurement's deliveries.</summary>
internal static class CalibrationWait
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task UntilAsync(string what, Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            while (!await condition())
            {
                await Task.Delay(Pause, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {Timeout.TotalSeconds:0} s for {what}.");
        }
    }
}
