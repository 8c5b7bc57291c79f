using OrleansTwitter.LoadGen.Graph;

namespace OrleansTwitter.LoadGen.Tests.Graph;

public sealed class GraphGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_graph()
    {
        var settings = new GraphSettings { Users = 20_000, Seed = 42 };
        var first = GraphGenerator.Generate(settings);
        var second = GraphGenerator.Generate(settings);

        for (var user = 0; user < settings.Users; user++)
        {
            Assert.True(first.FollowersOf(user).SequenceEqual(second.FollowersOf(user)), $"user {user}'s followers differ between two graphs of seed 42");
            Assert.True(first.FollowingOf(user).SequenceEqual(second.FollowingOf(user)), $"whom user {user} follows differs between two graphs of seed 42");
        }
    }

    [Fact]
    public void Another_seed_gives_another_graph_of_the_same_shape()
    {
        var one = GraphGenerator.Generate(new GraphSettings { Users = 20_000, Seed = 1 });
        var two = GraphGenerator.Generate(new GraphSettings { Users = 20_000, Seed = 2 });

        var differing = Enumerable.Range(0, one.Users).Count(u => !one.FollowersOf(u).SequenceEqual(two.FollowersOf(u)));
        Assert.True(differing > one.Users / 2, $"only {differing} of {one.Users} users have other followers with another seed");

        // Counts are dealt from the same quantiles: only who gets which differs.
        var shapeOne = one.Shape();
        var shapeTwo = two.Shape();
        Assert.Equal(shapeOne, shapeTwo);
    }

    [Fact]
    public void The_default_graph_has_a_power_law_shape_with_mean_75_and_a_handful_of_celebrities()
    {
        var graph = GraphGenerator.Generate(new GraphSettings());
        var shape = graph.Shape();

        Assert.Equal(100_000, shape.Users);
        Assert.Equal(7_500_000, shape.Follows);
        Assert.InRange(shape.MeanFollowers, 74.99, 75.01);

        // Heavy-tailed: most users well below the mean, a long tail far above it.
        Assert.InRange(shape.MedianFollowers, 10, 50);
        Assert.InRange(shape.P99Followers, 300, 2_000);
        Assert.InRange(shape.MaxFollowers, 20_000, 99_999);
        Assert.InRange(shape.Celebrities, 3, 20);
        Assert.Equal(10_000, shape.CelebrityThreshold);
    }

    [Fact]
    public void Nobody_follows_themselves_or_anyone_twice_and_both_directions_agree()
    {
        var graph = GraphGenerator.Generate(new GraphSettings { Users = 30_000, Seed = 7 });
        var marks = new int[graph.Users];
        long following = 0;
        for (var user = 0; user < graph.Users; user++)
        {
            foreach (var follower in graph.FollowersOf(user))
            {
                Assert.NotEqual(user, follower);
                Assert.True(marks[follower] != user + 1, $"user {follower} follows user {user} twice");
                marks[follower] = user + 1;

                // Whom a user follows is sorted, so the other direction is a binary search away.
                Assert.True(graph.FollowingOf(follower).BinarySearch(user) >= 0, $"user {follower} follows {user}, but {user} is not among whom {follower} follows");
            }

            following += graph.FollowingOf(user).Length;
        }

        Assert.Equal(graph.Follows, following);
    }

    [Fact]
    public void A_mean_of_everyone_makes_everyone_follow_everyone()
    {
        var graph = GraphGenerator.Generate(new GraphSettings { Users = 50, MeanFollowers = 49 });

        for (var user = 0; user < graph.Users; user++)
        {
            Assert.Equal(49, graph.FollowerCount(user));
            Assert.Equal(49, graph.FollowingOf(user).Length);
        }
    }

    [Fact]
    public void A_small_graph_caps_follower_counts_and_keeps_the_mean()
    {
        var graph = GraphGenerator.Generate(new GraphSettings { Users = 500, MeanFollowers = 75, CelebrityThreshold = 400 });
        var shape = graph.Shape();

        Assert.Equal(37_500, shape.Follows);
        Assert.True(shape.MaxFollowers <= 499, $"a user of 500 has {shape.MaxFollowers} followers");
        Assert.True(shape.Celebrities > 0, "the capped tail of a 500-user graph should reach 400 followers");
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(100, 100)]
    [InlineData(100, 0)]
    public void Impossible_settings_are_refused(int users, double meanFollowers)
    {
        var settings = new GraphSettings { Users = users, MeanFollowers = meanFollowers };

        Assert.NotEmpty(settings.Validate());
        Assert.Throws<ArgumentException>(() => GraphGenerator.Generate(settings));
    }
}
