namespace OrleansTwitter.LoadGen.Tests.Infrastructure;

/// <summary>Tests that drive the servers of <see cref="ServersFixture"/>; they run one at a time, each emptying the servers first.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "baseline servers";
}
