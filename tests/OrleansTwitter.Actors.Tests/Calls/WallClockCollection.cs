namespace OrleansTwitter.Actors.Tests.Calls;

/// <summary>
/// Tests that bound how long a timeout or a deadlock report may take. Beside the CPU-heavy
/// tests of other classes (hundreds of parallel callers) on a 2-core machine, their steps
/// wait seconds for a pool thread, and a bound meant to tell "reported" from "hung for 30 s"
/// measured the neighbours instead: a deadlock once took 6.4 s to surface in CI. They run on
/// their own, one at a time, as the cluster tests do.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallClockCollection
{
    public const string Name = "WallClock";
}
