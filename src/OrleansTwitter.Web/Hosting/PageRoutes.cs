namespace OrleansTwitter.Web.Hosting;

/// <summary>
/// The page's own addresses (<c>/u/{handle}</c>, its follower and following lists, <c>/search</c>)
/// answer with <c>index.html</c>, so a link to them can be opened, reloaded and shared; the page
/// then reads the address and shows the view. Only these patterns: an unknown <c>/api/*</c> or
/// <c>/health/*</c> address stays a problem-details 404.
/// </summary>
internal static class PageRoutes
{
    private const string Page = "index.html";

    public static IEndpointRouteBuilder MapPageRoutes(this IEndpointRouteBuilder endpoints)
    {
        // Fallback endpoints match last, after every API route, and answer GET and HEAD only
        // (a POST to /u/alice is a 405 problem).
        endpoints.MapFallbackToFile("/u/{handle}", Page);
        endpoints.MapFallbackToFile("/u/{handle}/followers", Page);
        endpoints.MapFallbackToFile("/u/{handle}/following", Page);
        endpoints.MapFallbackToFile("/search", Page);
        return endpoints;
    }
}
