using System.Text.RegularExpressions;

namespace OrleansTwitter.Deployment.Tests.Monitoring;

/// <summary>The metric and label names a PromQL expression refers to, read well enough for the expressions this repository ships.</summary>
internal static partial class PromQL
{
    private static readonly HashSet<string> Keywords = ["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right"];

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var stripped = Matchers().Replace(Strings().Replace(expression, "\"\""), " ");
        stripped = Ranges().Replace(stripped, " ");
        stripped = Groupings().Replace(stripped, " ");
        return Identifiers().Matches(stripped)
            .Where(m => !m.Groups["call"].Success && !Keywords.Contains(m.Groups["name"].Value))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet();
    }

    /// <summary>Label names in matchers (<c>{a="b"}</c>) and groupings (<c>by (a, b)</c>).</summary>
    public static IReadOnlySet<string> LabelNames(string expression)
    {
        var labels = new HashSet<string>();
        foreach (Match matcher in Matchers().Matches(Strings().Replace(expression, "\"\"")))
        {
            labels.UnionWith(LabelInMatcher().Matches(matcher.Value).Select(m => m.Groups[1].Value));
        }

        foreach (Match grouping in Groupings().Matches(expression))
        {
            labels.UnionWith(grouping.Groups["labels"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        return labels;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Groupings();

    [GeneratedRegex(@"(?<![\w.$])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")]
    private static partial Regex LabelInMatcher();
}
