using System.CommandLine;
using OrleansTwitter.LoadGen.Reporting;

namespace OrleansTwitter.LoadGen.Graph;

/// <summary><c>graph</c>: builds the deterministic social graph of a seed and prints its shape.</summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var options = new GraphOptions();
        var command = new Command("graph", "Build the deterministic social graph of a seed (power-law follower counts) and print its shape: users, follows, mean, p99 and maximum follower counts, celebrities.");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var problems = settings.Validate().ToList();
            if (problems.Count > 0)
            {
                // Exit code 2: bad arguments, as the parser's own errors.
                problems.ForEach(Console.Error.WriteLine);
                return 2;
            }

            var graph = await GraphBuilder.BuildAsync(settings);
            GraphReport.Write(graph.Shape());
            return 0;
        });
        return command;
    }
}
