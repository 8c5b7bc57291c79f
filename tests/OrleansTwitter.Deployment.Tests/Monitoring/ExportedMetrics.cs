using System.Reflection;
using System.Text.RegularExpressions;

namespace OrleansTwitter.Deployment.Tests.Monitoring;

/// <summary>The metric and label names a process's <c>/metrics</c> shows, in Prometheus' text format.</summary>
internal sealed partial class ExportedMetrics
{
    private ExportedMetrics(IReadOnlySet<string> names, IReadOnlySet<string> labels)
    {
        Names = names;
        Labels = labels;
    }

    public IReadOnlySet<string> Names { get; }

    public IReadOnlySet<string> Labels { get; }

    public static ExportedMetrics Parse(string text)
    {
        var names = new HashSet<string>();
        var labels = new HashSet<string>();
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var sample = Sample().Match(line);
            Assert.True(sample.Success, $"not a Prometheus sample line: {line}");
            names.Add(sample.Groups["name"].Value);
            labels.UnionWith(Label().Matches(sample.Groups["labels"].Value).Select(m => m.Groups[1].Value));
        }

        return new ExportedMetrics(names, labels);
    }

    /// <summary>
    /// Orleans counters that appear at /metrics only once they have counted something (a timed
    /// out call): real when Orleans declares the instrument (Orleans.Runtime.InstrumentNames,
    /// read by reflection) under the name the exporter gives a counter without a unit.
    /// </summary>
    public static bool IsDeclaredOrleansCounter(string metricName)
    {
        if (!metricName.EndsWith("_total", StringComparison.Ordinal))
        {
            return false;
        }

        var instrumentNames = Assembly.Load("Orleans.Core").GetType("Orleans.Runtime.InstrumentNames", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);
        return instrumentNames.Any(i => i.Replace('-', '_') + "_total" == metricName);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})? ")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""")]
    private static partial Regex Label();
}
