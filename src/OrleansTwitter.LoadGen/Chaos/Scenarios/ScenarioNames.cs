namespace OrleansTwitter.LoadGen.Chaos.Scenarios;

/// <summary>The command-line name of each scenario, and <c>all</c>.</summary>
internal static class ScenarioNames
{
    public const string All = "all";

    private static readonly Dictionary<string, ScenarioKind> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kill"] = ScenarioKind.Kill,
        ["scale"] = ScenarioKind.Scale,
        ["rolling"] = ScenarioKind.Rolling,
        ["redis-restart"] = ScenarioKind.RedisRestart,
        ["rolling-new-contracts"] = ScenarioKind.RollingNewContracts,
    };

    /// <summary>Every name the command accepts, in the order <c>all</c> runs them.</summary>
    public static IReadOnlyList<string> Accepted { get; } = [.. s_byName.Keys, All];

    public static string Of(ScenarioKind kind) => s_byName.Single(p => p.Value == kind).Key;

    /// <summary>The scenarios a name stands for; empty when it is unknown.</summary>
    public static IReadOnlyList<ScenarioKind> Parse(string name) =>
        string.Equals(name, All, StringComparison.OrdinalIgnoreCase) ? [.. s_byName.Values]
        : s_byName.TryGetValue(name, out var kind) ? [kind] : [];
}
