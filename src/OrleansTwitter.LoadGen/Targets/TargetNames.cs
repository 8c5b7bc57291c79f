namespace OrleansTwitter.LoadGen.Targets;

/// <summary>Target names on the command line and in reports, and which of them are baselines.</summary>
internal static class TargetNames
{
    /// <summary>Every name <c>--target</c> accepts, in the issue's order.</summary>
    public static readonly IReadOnlyList<string> All = ["cluster", "http", "redis", "sql", "chirper"];

    /// <summary>The baselines, in the order a target is compared with them.</summary>
    public static readonly IReadOnlyList<TargetKind> Baselines = [TargetKind.Sql, TargetKind.Redis, TargetKind.Chirper];

    /// <summary>Where <paramref name="kind"/> stands in <see cref="Baselines"/>; -1 when it is no baseline.</summary>
    public static int BaselineRank(TargetKind kind)
    {
        for (var i = 0; i < Baselines.Count; i++)
        {
            if (Baselines[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }

    public static string Name(TargetKind kind) => kind.ToString().ToLowerInvariant();

    public static TargetKind Parse(string name) =>
        Enum.TryParse<TargetKind>(name, ignoreCase: true, out var kind) && All.Contains(Name(kind))
            ? kind
            : throw new ArgumentException($"Unknown target '{name}'; the targets are {string.Join(", ", All)}.", nameof(name));
}
