namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>The collection of tests that share one <see cref="WebAppFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedWebApp : ICollectionFixture<WebAppFixture>
{
    public const string Name = "Shared web app";
}
