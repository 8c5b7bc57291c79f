namespace OrleansTwitter.Web.Hosting;

/// <summary>
/// The per-user token bucket of <c>POST /api/tweets</c>: <see cref="Burst"/> posts at once, then
/// <see cref="PostsPerMinute"/> a minute. A post over the limit gets <c>429</c> with <c>Retry-After</c>.
/// </summary>
public sealed class PostRateLimitOptions
{
    /// <summary><c>Web:PostRateLimit:PostsPerMinute</c>: the sustained rate, one token every 60 / this seconds.</summary>
    /// <value>30 (one post every 2 seconds); 1 to 60,000.</value>
    public int PostsPerMinute { get; set; } = 30;

    /// <summary><c>Web:PostRateLimit:Burst</c>: posts a user may make at once before the rate applies.</summary>
    /// <value>10; 1 to 10,000.</value>
    public int Burst { get; set; } = 10;

    /// <summary>How often one token comes back.</summary>
    public TimeSpan ReplenishmentPeriod => TimeSpan.FromMinutes(1) / PostsPerMinute;
}
