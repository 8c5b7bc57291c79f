using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OrleansTwitter.Web.Apis;
using OrleansTwitter.Web.Auth;
using OrleansTwitter.Web.Errors;
using OrleansTwitter.Web.Live;

namespace OrleansTwitter.Web.Hosting;

/// <summary>The web front end's services, middleware and endpoints, so Program.cs reads as a table of contents.</summary>
internal static class WebFrontEnd
{
    /// <summary>The address with no <c>--urls</c> (and no <c>ASPNETCORE_URLS</c> or <c>HTTP_PORTS</c>).</summary>
    public const string DefaultUrl = "http://localhost:5000";

    public static IHostApplicationBuilder AddWebFrontEnd(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        services.AddWebAuthentication();
        services.AddPostRateLimiting();
        services.AddSingleton<TimelineEventStream>();
        services.AddWebHealth();
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseWebFrontEnd(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Empty error responses (401 challenges, unknown routes, 405) get a problem-details body too.
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapAccountsApi();
        app.MapSessionsApi();
        app.MapUsersApi();
        app.MapTweetsApi();
        app.MapTimelineApi();
        app.MapSearchApi();
        app.MapTrendsApi();
        app.MapDirectoryApi();
        app.MapWebHealth();
        app.MapOpenApi();
        app.MapPageRoutes();
        return app;
    }

    /// <summary>True when the configuration names no address, so the contract's default applies.</summary>
    public static bool HasNoUrls(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]);
}
