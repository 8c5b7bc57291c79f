using System.CommandLine;

namespace OrleansTwitter.LoadGen.Graph;

/// <summary>The options that choose a graph, shared by <c>graph</c> and <c>load</c> so that both build the same one.</summary>
internal sealed class GraphOptions
{
    private static readonly GraphSettings Defaults = new();

    public Option<int> Users { get; } = new("--users") { Description = "Users in the graph.", DefaultValueFactory = _ => Defaults.Users };

    public Option<double> MeanFollowers { get; } = new("--mean-followers") { Description = "Mean follower count (follows = users × this).", DefaultValueFactory = _ => Defaults.MeanFollowers };

    public Option<int> CelebrityThreshold { get; } = new("--celebrity-threshold") { Description = "Followers from which a user counts as a celebrity (the product's Timeline:CelebrityThreshold).", DefaultValueFactory = _ => Defaults.CelebrityThreshold };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the graph (and of the run's random choices): the same seed gives the same graph.", DefaultValueFactory = _ => Defaults.Seed };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Users);
        command.Options.Add(MeanFollowers);
        command.Options.Add(CelebrityThreshold);
        command.Options.Add(Seed);
    }

    public GraphSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new GraphSettings
        {
            Users = parse.GetValue(Users),
            MeanFollowers = parse.GetValue(MeanFollowers),
            CelebrityThreshold = parse.GetValue(CelebrityThreshold),
            Seed = parse.GetValue(Seed),
        };
    }
}
