using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Auth;
using OrleansTwitter.Web.Errors;
using OrleansTwitter.Web.Live;

namespace OrleansTwitter.Web.Apis;

/// <summary>The signed-in user's home timeline: a page, and a live stream of new entries.</summary>
internal static class TimelineApi
{
    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/timeline").WithTags("Timeline").RequireAuthorization();
        group.MapGet(string.Empty, GetAsync)
            .WithSummary("The home timeline, newest first")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/stream", StreamAsync)
            .WithSummary("Server-sent events: an event 'tweet' for each new home-timeline entry")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    private static async Task<Results<Ok<TweetPageResponse>, ProblemHttpResult>> GetAsync(string? limit, string? before, ClaimsPrincipal principal, IClusterClient cluster)
    {
        if (!QueryValues.TryLimit(limit, out var size, out var error) || !QueryValues.TryBefore(before, out var beforeId, out error))
        {
            return Problems.BadRequest(error);
        }

        return TypedResults.Ok(TweetPageResponse.From(await cluster.GetGrain<IUserGrain>(principal.Key()).GetHomeTimelineAsync(size, beforeId)));
    }

    private static async Task StreamAsync(HttpContext context, ClaimsPrincipal principal, TimelineEventStream stream)
    {
        // EventSource sends the id of the last event it saw when it reconnects; anything else is ignored.
        var lastEventId = TweetId.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var last) ? last : (TweetId?)null;
        await stream.RunAsync(context, principal.Key(), lastEventId);
    }
}
