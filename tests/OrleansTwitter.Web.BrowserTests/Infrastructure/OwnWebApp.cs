namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// A web app of a test class's own, for a test that needs the whole cluster to itself: the
/// trends panel counts every user's hashtags, so only an app no other test posts to has a known one.
/// </summary>
public sealed class OwnWebApp : WebAppFixture;
