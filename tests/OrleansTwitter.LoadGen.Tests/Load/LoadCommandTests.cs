using OrleansTwitter.LoadGen.Targets;
using OrleansTwitter.LoadGen.TimelineLoad;

namespace OrleansTwitter.LoadGen.Tests.Load;

public sealed class LoadCommandTests
{
    [Theory]
    [InlineData("cluster")]
    [InlineData("http")]
    [InlineData("chirper")]
    public async Task Targets_of_the_next_step_are_refused_with_a_reason(string target)
    {
        var settings = new LoadSettings { Targets = [TargetNames.Parse(target)] };

        var problem = Assert.Single(settings.Validate());
        Assert.Contains($"--target {target} is not built yet", problem, StringComparison.Ordinal);
        Assert.Contains("Built now: redis, sql", problem, StringComparison.Ordinal);

        // Refused before anything runs: exit code 2, as for any bad argument.
        Assert.Equal(2, await LoadGenCommands.CreateRoot().Parse(["load", "--target", target, "--users", "100"]).InvokeAsync());
    }

    [Fact]
    public void Each_built_target_needs_its_server()
    {
        var problems = new LoadSettings { Targets = [TargetKind.Redis, TargetKind.Sql] }.Validate().ToList();

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
