using System.Globalization;
using Spectre.Console;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Chaos.Reporting;

/// <summary>A scenario's figures and bars as console tables, and a one-line summary of several runs.</summary>
internal static class FiguresTable
{
    public static void Write(ChaosFigures figures)
    {
        var table = new Table { Title = new TableTitle(Invariant($"chaos {figures.Scenario}")) }.AddColumns("figure", "value");
        table.AddRow("requests", Invariant($"{figures.Requests:N0} ({figures.RequestsPerSecond:N0}/s over both web front ends)"));
        table.AddRow("failures", Invariant($"{figures.Failures:N0} ({1 - figures.SuccessRate:P3})"));
        table.AddRow("p99 / max", Invariant($"{figures.P99Milliseconds:N0} ms / {figures.MaxMilliseconds:N0} ms"));
        table.AddRow("fault → last failure", figures.FaultToLastFailure is { } f ? Invariant($"{f:F2} s") : "no failure");
        if (figures.RecoveryFrom != "the kill" && figures.RecoveryToLastFailure is { } r)
        {
            table.AddRow(Markup.Escape($"{figures.RecoveryFrom} → last failure"), Invariant($"{r:F2} s"));
        }

        table.AddRow("tweets acknowledged", Invariant($"{figures.TweetsAcknowledged:N0} ({figures.PostsFailed:N0} posts failed)"));
        table.AddRow("tweets lost / doubled", Invariant($"{figures.TweetsLost} / {figures.TweetsDoubled}"));
        table.AddRow("timelines complete", figures.TimelinesCompleteAfter is { } c ? Invariant($"{c:F1} s after the load stopped") : "[red]not within the audit's wait[/]");
        table.AddRow("machine", Markup.Escape(figures.MachineLoad));
        AnsiConsole.Write(table);

        var bars = new Table().AddColumns("bar", "measured", "met");
        foreach (var bar in figures.Bars)
        {
            bars.AddRow(Markup.Escape(bar.Bar), Markup.Escape(bar.Measured), bar.Met ? "[green]yes[/]" : "[red]NO[/]");
        }

        AnsiConsole.Write(bars);
        foreach (var problem in figures.Problems)
        {
            AnsiConsole.MarkupLine($"  [red]{Markup.Escape(problem)}[/]");
        }
    }

    public static void WriteSummary(IReadOnlyList<ChaosFigures> runs)
    {
        var table = new Table { Title = new TableTitle("chaos: all scenarios") }
            .AddColumns("scenario", "requests", "failures", "p99", "fault → last failure", "acknowledged", "lost", "bars");
        foreach (var figures in runs)
        {
            table.AddRow(
                figures.Scenario,
                figures.Requests.ToString("N0", CultureInfo.InvariantCulture),
                figures.Failures.ToString("N0", CultureInfo.InvariantCulture),
                Invariant($"{figures.P99Milliseconds:N0} ms"),
                figures.FaultToLastFailure is { } f ? Invariant($"{f:F2} s") : "none",
                figures.TweetsAcknowledged.ToString("N0", CultureInfo.InvariantCulture),
                figures.TweetsLost.ToString(CultureInfo.InvariantCulture),
                figures.Passed ? "[green]met[/]" : "[red]NOT met[/]");
        }

        AnsiConsole.Write(table);
    }
}
