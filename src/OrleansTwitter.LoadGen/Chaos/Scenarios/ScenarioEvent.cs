namespace OrleansTwitter.LoadGen.Chaos.Scenarios;

/// <summary>A step of the scenario (a silo started, a SIGKILL, Redis back), at its time on the load's clock.</summary>
internal sealed record ScenarioEvent(TimeSpan At, string Text);
