using System.CommandLine;
using System.CommandLine.Parsing;

namespace OrleansTwitter.LoadGen.StreamFanout;

/// <summary><c>stream-fanout</c>: timeline fan-out deliveries/s and delivery lag through the Redis provider, against Memory.</summary>
internal static class StreamFanoutCommand
{
    public static Command Create()
    {
        var defaults = new StreamFanoutSettings();
        var output = new Option<string?>("--out") { Description = "Write the results as Markdown to this file. Default: console only." };
        var authors = new Option<int>("--authors") { Description = "Authors posting concurrently.", DefaultValueFactory = _ => defaults.Authors };
        var followers = new Option<int>("--followers") { Description = "Followers of every author.", DefaultValueFactory = _ => defaults.Followers };
        var duration = new Option<double>("--duration") { Description = "Seconds of posting in each run.", DefaultValueFactory = _ => defaults.Duration.TotalSeconds };
        var lagLoad = new Option<double>("--lag-load") { Description = "Posting rate of the lag run, as a fraction of the provider's maximum (the issue asks for 0.5).", DefaultValueFactory = _ => defaults.LagLoad };
        var command = new Command("stream-fanout", "Timeline fan-out through the Redis stream provider and through Memory, in one run: deliveries/s, and delivery lag at half load.")
        {
            output, authors, followers, duration, lagLoad,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = defaults with
            {
                OutputPath = parse.GetValue(output),
                Authors = parse.GetValue(authors),
                Followers = parse.GetValue(followers),
                Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                LagLoad = parse.GetValue(lagLoad),
            };
            var problems = settings.Validate().ToList();
            if (problems.Count > 0)
            {
                problems.ForEach(Console.Error.WriteLine);
                return Task.FromResult(2);
            }

            var arguments = parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value);
            return StreamFanoutBenchmark.RunAsync(settings, "dotnet run -c Release --project src/OrleansTwitter.LoadGen -- stream-fanout " + string.Join(' ', arguments), cancellationToken);
        });
        return command;
    }
}
