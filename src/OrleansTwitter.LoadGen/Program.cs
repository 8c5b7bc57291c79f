using System.CommandLine;
using OrleansTwitter.LoadGen.ClusterCalls;

// One command per benchmark; each starts what it measures and stops it again.
var root = new RootCommand("OrleansTwitter load generator and side-by-side benchmarks.")
{
    ClusterCallsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
