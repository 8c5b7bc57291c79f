using Spectre.Console;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>What the run is doing, on the console, so a long run is never silent.</summary>
internal static class Progress
{
    public static void Step(string text) => AnsiConsole.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss}[/] {Markup.Escape(text)}");

    public static void Result(string text) => AnsiConsole.MarkupLine($"         [green]{Markup.Escape(text)}[/]");
}
