using OrleansTwitter.LoadGen.Chaos.Load;
using OrleansTwitter.LoadGen.Chaos.Reporting;
using OrleansTwitter.LoadGen.Chaos.Rig;

namespace OrleansTwitter.LoadGen.Chaos.Scenarios;

/// <summary>A scenario while it runs: the deployment, the load's clock, and the steps taken so far.</summary>
internal sealed class ScenarioRun(ChaosRig rig, RequestTally tally, IChaosProgress progress)
{
    private readonly List<ScenarioEvent> _events = [];

    public ChaosRig Rig => rig;

    public IReadOnlyList<ScenarioEvent> Events => _events;

    /// <summary>Records a step at the load clock's time now, shows it, and returns the time.</summary>
    public TimeSpan Mark(string text)
    {
        var step = new ScenarioEvent(tally.Now, text);
        _events.Add(step);
        progress.Event(step);
        return step.At;
    }

    /// <summary>Keeps the load running for <paramref name="duration"/>, saying why.</summary>
    public Task HoldAsync(TimeSpan duration, string why)
    {
        progress.Phase(why);
        return Task.Delay(duration);
    }
}
