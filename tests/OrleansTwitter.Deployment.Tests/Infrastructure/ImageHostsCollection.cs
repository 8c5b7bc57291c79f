namespace OrleansTwitter.Deployment.Tests.Infrastructure;

/// <summary>The tests that share one silo and one web front end started through the image's entrypoint.</summary>
[CollectionDefinition(Name)]
public sealed class ImageHostsCollection : ICollectionFixture<ImageHostsFixture>
{
    public const string Name = "image hosts";
}
