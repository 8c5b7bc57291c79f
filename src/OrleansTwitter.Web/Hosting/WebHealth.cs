using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTwitter.Web.Hosting;

/// <summary><c>GET /health/live</c> (200 while the process runs) and <c>GET /health/ready</c> (200 when it can serve, 503 otherwise), as JSON.</summary>
internal static class WebHealth
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddWebHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<WebReadinessHealthCheck>("web", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapWebHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntryResponse(e.Value.Status.ToString(), e.Value.Description)));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson.Options, context.RequestAborted);
    }

    private static class HealthJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }

    private sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthEntryResponse> Checks);

    private sealed record HealthEntryResponse(string Status, string? Description);
}
