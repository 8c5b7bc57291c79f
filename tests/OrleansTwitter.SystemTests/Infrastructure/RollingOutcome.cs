namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>
/// What a steady load saw of a rolling upgrade: its failures, and how many steps each worker had
/// completed when only new silos were left and when the load stopped.
/// </summary>
internal sealed record RollingOutcome(IReadOnlyList<string> Failures, int[] CompletedBeforeLastStep, int[] Completed)
{
    /// <summary>The workers that completed no step once only new silos were left.</summary>
    public IEnumerable<int> StalledOnNewSilos => Enumerable.Range(0, Completed.Length).Where(w => Completed[w] <= CompletedBeforeLastStep[w]);
}
