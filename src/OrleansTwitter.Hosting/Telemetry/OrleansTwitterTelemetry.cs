using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Hosting.Telemetry;

/// <summary>
/// The silo's and the web front end's telemetry, one set-up for both.
/// Metrics, scraped at <c>/metrics</c> in Prometheus' text format: Orleans' meter (messaging,
/// grain calls, activations, directory, streams, storage; client-side on the web front end),
/// the timeline's, ASP.NET Core's (<c>http.server.request.duration</c>) and .NET's runtime.
/// Traces, only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: ASP.NET Core's request spans and
/// Orleans' grain-call spans (Orleans' activity propagation, on in AddOrleansTwitterSilo and
/// AddOrleansTwitterClient, carries the context from the web front end into the silos),
/// exported over OTLP as the standard OTEL_* variables say.
/// </summary>
public static class OrleansTwitterTelemetry
{
    /// <summary>The variable that turns tracing on (OpenTelemetry's own name for the collector's address).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Orleans' meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Orleans' activity sources: grain calls, grain storage, and activation lifecycle. Our own
    /// grain calls come under "Microsoft.Orleans.Runtime", not "Application": Orleans files an
    /// interface as the runtime's when its namespace starts with "Orleans", as OrleansTwitter.* does.
    /// </summary>
    public static readonly IReadOnlyList<string> OrleansActivitySources =
        ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Storage", "Microsoft.Orleans.Lifecycle"];

    /// <summary>Adds metrics and, with <see cref="OtlpEndpointVariable"/> set, traces; <paramref name="serviceName"/> names the process in both.</summary>
    public static IHostApplicationBuilder AddOrleansTwitterTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(OrleansMeter, TimelineInstruments.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.WithTracing(tracing => tracing
                // Traces start at HTTP requests; the runtime's own periodic calls (membership
                // probes, directory upkeep) would otherwise each start a trace of their own.
                .SetSampler(new ParentBasedSampler(new HttpRequestRootSampler()))
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperational(context.Request.Path))
                .AddSource([.. OrleansActivitySources])
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Probes and scrapes, every few seconds from Kubernetes and Prometheus: not worth a trace.</summary>
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);
}
