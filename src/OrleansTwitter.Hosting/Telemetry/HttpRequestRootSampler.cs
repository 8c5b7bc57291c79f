using System.Diagnostics;
using OpenTelemetry.Trace;

namespace OrleansTwitter.Hosting.Telemetry;

/// <summary>
/// Samples a span with no parent only when it is an incoming HTTP request (ASP.NET Core's
/// server span). Below a <see cref="ParentBasedSampler"/>, every span of a request's trace is
/// kept (its grain calls, in this process and, through Orleans' propagation, in the silos),
/// while root spans of the runtime's background work are dropped.
/// </summary>
internal sealed class HttpRequestRootSampler : Sampler
{
    /// <summary>The name ASP.NET Core gives its request activity.</summary>
    internal const string HttpRequestActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Kind == ActivityKind.Server && samplingParameters.Name == HttpRequestActivityName
            ? SamplingDecision.RecordAndSample
            : SamplingDecision.Drop);
}
