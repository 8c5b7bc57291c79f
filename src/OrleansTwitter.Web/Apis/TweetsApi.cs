using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Auth;
using OrleansTwitter.Web.Errors;

namespace OrleansTwitter.Web.Apis;

/// <summary>Tweets: post, get by id, a user's tweets.</summary>
internal static class TweetsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapTweetsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/tweets").WithTags("Tweets").MapPost(string.Empty, PostAsync)
            .RequireAuthorization()
            .RequireRateLimiting(PostRateLimiting.PolicyName)
            .WithSummary("Posts a tweet as the signed-in user")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        endpoints.MapGroup("/api/tweets").WithTags("Tweets").MapGet("/{id}", GetAsync)
            .WithSummary("A tweet by id")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGroup("/api/users").WithTags("Tweets").MapGet("/{handle}/tweets", GetUserTweetsAsync)
            .WithSummary("A user's tweets, newest first")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Created<TweetResponse>, ProblemHttpResult>> PostAsync(
        PostTweetRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IClusterClient cluster)
    {
        if (!TweetText.TryNormalize(request.Text, out var text, out var error))
        {
            return Problems.BadRequest(error);
        }

        if (idempotencyKey is not null && idempotencyKey.Length is 0 or > TimelineLimits.MaxIdempotencyKeyLength)
        {
            return Problems.BadRequest($"An {IdempotencyKeyHeader} is 1 to {TimelineLimits.MaxIdempotencyKeyLength} characters.");
        }

        // A key of our own when the client sent none, so that a post is always safe to send
        // again when its silo goes away mid-call (the cluster client retries it); the user sees
        // one tweet either way.
        var tweet = await cluster.GetGrain<IUserGrain>(principal.Key()).PostAsync(text, idempotencyKey ?? $"web:{Guid.NewGuid():N}");
        return TypedResults.Created($"/api/tweets/{tweet.Id}", TweetResponse.From(tweet));
    }

    private static async Task<Results<Ok<TweetResponse>, ProblemHttpResult>> GetAsync(string id, IClusterClient cluster)
    {
        if (!TweetId.TryParse(id, out var tweetId))
        {
            return Problems.BadRequest($"'{QueryValues.Shorten(id)}' is not a tweet id: a tweet id is a string of decimal digits.");
        }

        return await cluster.GetGrain<ITweetGrain>(tweetId.Value).GetAsync() is { } tweet
            ? TypedResults.Ok(TweetResponse.From(tweet))
            : Problems.NotFound($"No tweet has the id {tweetId}.");
    }

    private static async Task<Results<Ok<TweetPageResponse>, ProblemHttpResult>> GetUserTweetsAsync(string handle, string? limit, string? before, IClusterClient cluster)
    {
        if (!QueryValues.TryLimit(limit, out var size, out var error) || !QueryValues.TryBefore(before, out var beforeId, out error))
        {
            return Problems.BadRequest(error);
        }

        if (UsersApi.UserOrNull(cluster, handle) is not { } user)
        {
            return UsersApi.UnknownUser(handle);
        }

        return TypedResults.Ok(TweetPageResponse.From(await user.GetTweetsAsync(size, beforeId)));
    }
}
