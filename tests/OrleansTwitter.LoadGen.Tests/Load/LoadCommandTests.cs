using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.TimelineLoad;

namespace OrleansTwitter.LoadGen.Tests.Load;

public sealed class LoadCommandTests
{
    [Fact]
    public void The_baselines_need_their_servers_and_the_orleans_targets_start_their_own()
    {
        var problems = new LoadSettings { Targets = [TargetKind.Cluster, TargetKind.Http, TargetKind.Redis, TargetKind.Sql, TargetKind.Chirper] }.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("--target redis needs --redis", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--target sql needs --postgres", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_target_is_a_parse_error()
    {
        Assert.NotEqual(0, await LoadGenCommands.CreateRoot().Parse(["load", "--target", "mongodb", "--users", "100"]).InvokeAsync());
        Assert.Throws<ArgumentException>(() => TargetNames.Parse("mongodb"));
    }
}
