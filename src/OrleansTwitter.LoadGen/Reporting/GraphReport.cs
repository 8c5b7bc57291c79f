using OrleansTwitter.LoadGen.Graph;
using Spectre.Console;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>A graph's shape as a console table.</summary>
internal static class GraphReport
{
    public static void Write(GraphShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var table = new Table { Title = new TableTitle("graph") };
        table.AddColumns("users", "follows", "mean followers", "median", "p99", "max", Markup.Escape($"celebrities (≥ {shape.CelebrityThreshold:N0} followers)"));
        table.AddRow(
            Invariant($"{shape.Users:N0}"),
            Invariant($"{shape.Follows:N0}"),
            Invariant($"{shape.MeanFollowers:0.00}"),
            Invariant($"{shape.MedianFollowers:N0}"),
            Invariant($"{shape.P99Followers:N0}"),
            Invariant($"{shape.MaxFollowers:N0}"),
            Invariant($"{shape.Celebrities:N0}"));
        AnsiConsole.Write(table);
    }
}
