using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansTwitter.Web.Diagnostics;
using OrleansTwitter.Web.Errors;
using OrleansTwitter.Web.Hosting;

namespace OrleansTwitter.Web.Auth;

/// <summary>
/// Posting is limited per user by a token bucket (<see cref="PostRateLimitOptions"/>); a post
/// over the limit gets <c>429</c> with <c>Retry-After</c> and a problem-details body.
/// </summary>
/// <remarks>The buckets live in each web instance, so a user spreading posts over N instances gets up to N times the rate.</remarks>
internal static class PostRateLimiting
{
    public const string PolicyName = "posts";

    public static IServiceCollection AddPostRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebOptions>>((limiter, web) =>
        {
            var rate = web.Value.PostRateLimit;
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.KeyOrNull() ?? string.Empty,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = rate.Burst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = rate.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        WebLog.PostRateLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostRateLimiting)), context.User.KeyOrNull() ?? "anonymous", seconds);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Problems.TitleOf(StatusCodes.Status429TooManyRequests),
                Detail = $"You are posting too fast; try again in {seconds} s.",
            },
        });
    }
}
