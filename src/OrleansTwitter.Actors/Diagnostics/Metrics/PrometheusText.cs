using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace OrleansTwitter.Actors.Diagnostics.Metrics;

/// <summary>Names, labels and numbers as the Prometheus text format (version 0.0.4) spells them.</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The metric name of <paramref name="instrument"/>: its name with every character outside
    /// <c>[a-zA-Z0-9_:]</c> made <c>_</c>, its unit as a suffix (<c>ms</c> is
    /// <c>_milliseconds</c>; annotations such as <c>{call}</c> add nothing), and <c>_total</c>
    /// for a counter.
    /// </summary>
    public static string MetricName(Instrument instrument, bool isCounter)
    {
        var name = new StringBuilder(Sanitize(instrument.Name));
        var unit = instrument.Unit switch
        {
            null or "" => null,
            ['{', ..] => null,
            "ms" => "milliseconds",
            "s" => "seconds",
            "By" => "bytes",
            var other => Sanitize(other),
        };
        if (unit is not null)
        {
            name.Append('_').Append(unit);
        }

        if (isCounter)
        {
            name.Append("_total");
        }

        return name.ToString();
    }

    /// <summary>Tags as a label list, sorted by key: <c>key="value",...</c>, values escaped.</summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var (key, value) in sorted)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(Sanitize(key)).Append("=\"");
            AppendEscaped(text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, escapeQuotes: true);
            text.Append('"');
        }

        return text.ToString();
    }

    public static void AppendHelpAndType(StringBuilder text, string name, string? help, string type)
    {
        text.Append("# HELP ").Append(name).Append(' ');
        AppendEscaped(text, help ?? string.Empty, escapeQuotes: false);
        text.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    /// <summary>One sample line: <c>name{labels} value</c>, the braces only when there are labels.</summary>
    public static void AppendSample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var allowed = char.IsAsciiLetterOrDigit(c) || c is '_' or ':';
            chars[i] = allowed && !(i == 0 && char.IsAsciiDigit(c)) ? c : '_';
        }

        return new string(chars);
    }

    private static void AppendEscaped(StringBuilder text, string value, bool escapeQuotes)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '"' when escapeQuotes => text.Append("\\\""),
                _ => text.Append(c),
            };
        }
    }
}
