namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>A web app whose post rate limit is out of the way, for tests that post a lot.</summary>
public sealed class BusyWebApp()
    : WebApp(new Dictionary<string, string?> { ["Web:PostRateLimit:Burst"] = "10000", ["Web:PostRateLimit:PostsPerMinute"] = "60000" });
