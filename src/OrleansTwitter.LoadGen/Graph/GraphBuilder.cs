using System.Diagnostics;
using Spectre.Console;
using Step = OrleansTwitter.LoadGen.Reporting.Progress;

namespace OrleansTwitter.LoadGen.Graph;

/// <summary>Builds a graph with a progress bar on the console, and says what it cost.</summary>
internal static class GraphBuilder
{
    public static async Task<SocialGraph> BuildAsync(GraphSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Step.Step($"building the graph: {settings.Users:N0} users, {settings.Follows:N0} follows, seed {settings.Seed}");
        var started = Stopwatch.GetTimestamp();
        SocialGraph? graph = null;
        await AnsiConsole.Progress().StartAsync(context =>
        {
            var task = context.AddTask("follows drawn", maxValue: Math.Max(1, settings.Follows));
            graph = GraphGenerator.Generate(settings, drawn => task.Value = drawn);
            task.Value = task.MaxValue;
            return Task.CompletedTask;
        });
        Step.Result($"built in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; managed heap {GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024):N0} MB");
        return graph!;
    }
}
