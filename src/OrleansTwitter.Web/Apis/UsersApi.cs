using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Auth;
using OrleansTwitter.Web.Errors;

namespace OrleansTwitter.Web.Apis;

/// <summary>Users and the follow graph: profiles, follow and unfollow, follow lists.</summary>
internal static class UsersApi
{
    // Cursors are short ("{chunk}.{handle}" or a handle); anything longer is not one.
    private const int MaxCursorLength = 64;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/users").WithTags("Users");
        group.MapGet("/{handle}", GetAsync)
            .WithSummary("A user's profile and counts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/me/following/{handle}", FollowAsync)
            .RequireAuthorization()
            .WithSummary("Follows a user (idempotent)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/me/following/{handle}", UnfollowAsync)
            .RequireAuthorization()
            .WithSummary("Unfollows a user (idempotent)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{handle}/following", GetFollowingAsync)
            .WithSummary("The handles a user follows")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{handle}/followers", GetFollowersAsync)
            .WithSummary("The handles that follow a user")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>The user grain of a handle from a URL; null when the handle cannot exist (it is then a 404).</summary>
    public static IUserGrain? UserOrNull(IClusterClient cluster, string handle) =>
        Handle.TryNormalize(handle, out var key) ? cluster.GetGrain<IUserGrain>(key) : null;

    public static ProblemHttpResult UnknownUser(string handle) =>
        Problems.NotFound($"No user has the handle '{QueryValues.Shorten(handle)}'.");

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(string handle, IClusterClient cluster)
    {
        if (UserOrNull(cluster, handle) is not { } user)
        {
            return UnknownUser(handle);
        }

        return TypedResults.Ok(UserResponse.From(await user.GetProfileAsync()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> FollowAsync(string handle, ClaimsPrincipal principal, IClusterClient cluster)
    {
        if (!Handle.IsValid(handle))
        {
            return UnknownUser(handle);
        }

        if (Handle.SameUser(handle, principal.Key()))
        {
            return Problems.BadRequest("You cannot follow yourself.");
        }

        await cluster.GetGrain<IUserGrain>(principal.Key()).FollowAsync(handle);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAsync(string handle, ClaimsPrincipal principal, IClusterClient cluster)
    {
        if (!Handle.IsValid(handle))
        {
            return UnknownUser(handle);
        }

        if (Handle.SameUser(handle, principal.Key()))
        {
            // Nobody follows themselves, so there is nothing to undo.
            return TypedResults.NoContent();
        }

        await cluster.GetGrain<IUserGrain>(principal.Key()).UnfollowAsync(handle);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<HandlePageResponse>, ProblemHttpResult>> GetFollowingAsync(string handle, string? cursor, string? limit, IClusterClient cluster) =>
        GetListAsync(handle, cursor, limit, cluster, static (user, c, l) => user.GetFollowingAsync(c, l));

    private static Task<Results<Ok<HandlePageResponse>, ProblemHttpResult>> GetFollowersAsync(string handle, string? cursor, string? limit, IClusterClient cluster) =>
        GetListAsync(handle, cursor, limit, cluster, static (user, c, l) => user.GetFollowersAsync(c, l));

    private static async Task<Results<Ok<HandlePageResponse>, ProblemHttpResult>> GetListAsync(
        string handle, string? cursor, string? limit, IClusterClient cluster, Func<IUserGrain, string?, int, Task<HandlePage>> read)
    {
        if (!QueryValues.TryLimit(limit, out var size, out var error))
        {
            return Problems.BadRequest(error);
        }

        if (cursor is { Length: > MaxCursorLength })
        {
            return Problems.BadRequest("'cursor' is not a cursor of this list: pass the 'next' value of the previous page.");
        }

        if (UserOrNull(cluster, handle) is not { } user)
        {
            return UnknownUser(handle);
        }

        return TypedResults.Ok(HandlePageResponse.From(await read(user, QueryValues.Cursor(cursor), size)));
    }
}
