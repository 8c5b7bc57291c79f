namespace OrleansTwitter.Deployment.Tests.Tracing;

/// <summary>One span as a process exported it over OTLP: ids in hex, parent empty for a root, string attributes only.</summary>
internal sealed record ExportedSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>OTLP's SPAN_KIND_SERVER.</summary>
    public const int ServerKind = 2;

    /// <summary>OTLP's SPAN_KIND_CLIENT.</summary>
    public const int ClientKind = 3;

    public override string ToString() => $"{Service} {Scope} '{Name}' kind {Kind} trace {TraceId} span {SpanId} parent {ParentSpanId}";
}
