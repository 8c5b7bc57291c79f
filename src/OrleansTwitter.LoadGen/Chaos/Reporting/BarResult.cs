namespace OrleansTwitter.LoadGen.Chaos.Reporting;

/// <summary>One bar of the scenario (issue 18's table), what was measured against it, and whether it was met.</summary>
internal sealed record BarResult(string Bar, string Measured, bool Met);
