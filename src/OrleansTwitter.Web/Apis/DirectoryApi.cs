using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Errors;

namespace OrleansTwitter.Web.Apis;

/// <summary>
/// <c>GET /api/users?prefix=&amp;limit=</c>: registered users whose handle starts with a prefix, for
/// the web page's suggestions. <c>limit</c> is 1-100, default 20, as for every page.
/// </summary>
internal static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/users").WithTags("Users")
            .MapGet(string.Empty, FindAsync)
            .WithSummary("Users whose handle starts with prefix (case-insensitive), in handle order")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<Results<Ok<DirectoryResponse>, ProblemHttpResult>> FindAsync(string? prefix, string? limit, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return Problems.BadRequest("'prefix' is required: the first 1 to 15 letters, digits or underscores of a handle.");
        }

        if (!Handle.IsValid(prefix))
        {
            return Problems.BadRequest($"No handle starts with '{QueryValues.Shorten(prefix)}': a handle is 1 to {TimelineLimits.MaxHandleLength} letters (A-Z, a-z), digits or underscores.");
        }

        if (!QueryValues.TryLimit(limit, out var size, out var error))
        {
            return Problems.BadRequest(error);
        }

        return TypedResults.Ok(DirectoryResponse.From(await cluster.GetGrain<IUserDirectoryGrain>(0).FindAsync(prefix, size)));
    }
}
