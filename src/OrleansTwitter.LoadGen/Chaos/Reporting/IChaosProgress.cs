using OrleansTwitter.LoadGen.Chaos.Load;
using OrleansTwitter.LoadGen.Chaos.Scenarios;

namespace OrleansTwitter.LoadGen.Chaos.Reporting;

/// <summary>Where a running scenario says what it is doing: the console's progress display.</summary>
internal interface IChaosProgress
{
    /// <summary>What the scenario does now (setting up, holding the load, auditing).</summary>
    void Phase(string text);

    /// <summary>A step on the load's clock (a silo started, a SIGKILL).</summary>
    void Event(ScenarioEvent step);

    /// <summary>The load's requests so far, to show live; null once the load stopped.</summary>
    void Watch(RequestTally? tally);
}
