namespace OrleansTwitter.Web.Hosting;

/// <summary>
/// The web front end's settings, bound from the <c>Web</c> configuration section and validated
/// at start (a bad value stops the process with exit code 2 and a message naming the key).
/// </summary>
public sealed class WebOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Web";

    /// <summary>
    /// <c>Web:MaxRequestBodyBytes</c>: the largest request body accepted; a larger one gets
    /// <c>413</c>. Every request of the API is a few hundred bytes.
    /// </summary>
    /// <value>16,384 (16 KB); 1,024 to 1,048,576.</value>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary><c>Web:TokenLifetime</c>: how long an access token from <c>POST /api/sessions</c> is valid.</summary>
    /// <value>12 hours; 1 minute to 30 days.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// <c>Web:HeartbeatInterval</c>: how often <c>GET /api/timeline/stream</c> sends a comment
    /// (<c>: hb</c>) so proxies keep the connection open and a dead client is noticed; the
    /// stream renews its subscription to the user grain at the same pace.
    /// </summary>
    /// <value>15 seconds; 100 milliseconds to 5 minutes.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>Web:StreamBuffer</c>: tweets one event stream holds for a client that reads slowly;
    /// beyond it the oldest are dropped (the client reloads its timeline when it reconnects).
    /// </summary>
    /// <value>256; 1 to 10,000.</value>
    public int StreamBuffer { get; set; } = 256;

    /// <summary><c>Web:PostRateLimit:*</c>: how fast one user may post.</summary>
    public PostRateLimitOptions PostRateLimit { get; set; } = new();
}
