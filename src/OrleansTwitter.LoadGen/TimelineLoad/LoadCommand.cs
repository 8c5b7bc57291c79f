using System.CommandLine;
using OrleansTwitter.LoadGen.Targets;

namespace OrleansTwitter.LoadGen.TimelineLoad;

/// <summary><c>load</c>: loads the graph into each target and runs the read/post mix against it.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var options = new LoadOptions();
        var targets = new Option<string[]>("--target")
        {
            Description = "Targets to run, in order, on one graph: cluster (our grains through the Orleans client), http (our web API), redis (Redis lists, fan-out on write), sql (PostgreSQL, join on read), chirper (Chirper's direct fan-out on Orleans). The Orleans targets start their own redis-server and 2 silo processes (and, for http, a web front end).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        targets.AcceptOnlyFromAmong([.. TargetNames.All]);

        var command = new Command("load", "Load the graph into each target, run the mix (home-timeline reads and posts by the active users), and report throughput, latency, delivery lag and memory.")
        {
            targets,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse) with { Targets = [.. parse.GetValue(targets)!.Select(TargetNames.Parse)] };
            return LoadOptions.RunAsync(settings, parse, "load", cancellationToken);
        });
        return command;
    }
}
