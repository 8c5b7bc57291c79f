using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Web.Apis.Models;

namespace OrleansTwitter.Web.Apis;

/// <summary><c>GET /api/trends</c>: the 10 hashtags used in the most tweets over the trend window.</summary>
internal static class TrendsApi
{
    public static IEndpointRouteBuilder MapTrendsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/trends").WithTags("Search")
            .MapGet(string.Empty, GetAsync)
            .WithSummary("Trending hashtags: most used first, ties by tag");
        return endpoints;
    }

    private static async Task<Ok<TrendsResponse>> GetAsync(IClusterClient cluster) =>
        TypedResults.Ok(TrendsResponse.From(await cluster.GetGrain<ITrendsGrain>(0).GetTrendsAsync()));
}
