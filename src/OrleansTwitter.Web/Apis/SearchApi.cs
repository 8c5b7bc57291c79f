using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Errors;

namespace OrleansTwitter.Web.Apis;

/// <summary><c>GET /api/search</c>: tweets that have every term of a query, newest first, in pages.</summary>
/// <remarks>
/// The query's rules are <see cref="SearchTerms"/>'s, shared with the indexer. A term that is
/// only punctuation (<c>!!!</c>, <c>#</c>) is ignored; if every term is, the answer is an empty
/// page: such a query names nothing, which is not a malformed request.
/// </remarks>
internal static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/search").WithTags("Search")
            .MapGet(string.Empty, SearchAsync)
            .WithSummary("Tweets that match every term of q (words, #hashtags), newest first")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<Results<Ok<TweetPageResponse>, ProblemHttpResult>> SearchAsync(string? q, string? limit, string? before, IClusterClient cluster)
    {
        if (!SearchTerms.TryParseQuery(q, out _, out var error)
            || !QueryValues.TryLimit(limit, out var size, out error)
            || !QueryValues.TryBefore(before, out var beforeId, out error))
        {
            return Problems.BadRequest(error);
        }

        return TypedResults.Ok(TweetPageResponse.From(await cluster.GetGrain<ISearchGrain>(0).SearchAsync(q!, size, beforeId)));
    }
}
