using System.CommandLine;
using OrleansTwitter.LoadGen.Bench;
using OrleansTwitter.LoadGen.Chaos;
using OrleansTwitter.LoadGen.ClusterCalls;
using OrleansTwitter.LoadGen.Graph;
using OrleansTwitter.LoadGen.TimelineLoad;

namespace OrleansTwitter.LoadGen;

/// <summary>The command line: the program's, and the tests' way in.</summary>
internal static class LoadGenCommands
{
    public static RootCommand CreateRoot() => new("OrleansTwitter load generator and side-by-side benchmarks.")
    {
        BenchCommand.Create(),
        ChaosCommand.Create(),
        ClusterCallsCommand.Create(),
        GraphCommand.Create(),
        LoadCommand.Create(),
        Search.SearchCommand.Create(),
    };
}
