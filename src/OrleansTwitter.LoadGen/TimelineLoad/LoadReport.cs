using OrleansTwitter.LoadGen.Graph;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary>Everything a <c>load</c> run reports.</summary>
internal sealed record LoadReport(string Command, DateTimeOffset StartedAt, string Machine, GraphShape Graph, int ActiveUsers, LoadSettings Settings, IReadOnlyList<TargetResult> Results);
