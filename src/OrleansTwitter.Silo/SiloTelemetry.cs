using OpenTelemetry.Metrics;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Silo;

/// <summary>
/// The silo's metrics, scraped at <c>/metrics</c> in Prometheus' text format through
/// OpenTelemetry's exporter: Orleans' own meter (<c>Microsoft.Orleans</c>: messaging,
/// activations, membership, streams, storage), the timeline's, and .NET's runtime (GC, thread
/// pool, CPU, memory).
/// </summary>
internal static class SiloTelemetry
{
    public const string OrleansMeter = "Microsoft.Orleans";

    public static IServiceCollection AddSiloTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(OrleansMeter, TimelineInstruments.MeterName)
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }
}
