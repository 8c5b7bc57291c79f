namespace OrleansTwitter.LoadGen.Chaos.Audit;

/// <summary>
/// What the audit after a scenario found.
/// </summary>
/// <param name="Lost">Acknowledged tweets missing from their author's timeline or from an active follower's home timeline when the wait ended.</param>
/// <param name="Doubled">Tweets listed twice in a timeline, or stored twice (one text under two ids).</param>
/// <param name="CompleteAfter">How long after the load stopped every timeline held every acknowledged tweet; null when they never did within the wait.</param>
/// <param name="Problems">A few examples of what was wrong, for the report.</param>
internal sealed record AuditResult(int Lost, int Doubled, TimeSpan? CompleteAfter, IReadOnlyList<string> Problems);
