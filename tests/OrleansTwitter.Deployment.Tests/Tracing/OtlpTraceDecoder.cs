namespace OrleansTwitter.Deployment.Tests.Tracing;

/// <summary>
/// Reads an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1): the
/// spans, each with its resource's <c>service.name</c> and its instrumentation scope.
/// </summary>
internal static class OtlpTraceDecoder
{
    public static List<ExportedSpan> Decode(byte[] request)
    {
        var spans = new List<ExportedSpan>();
        var reader = new ProtoReader(request);
        while (reader.More)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1)
            {
                ReadResourceSpans(reader.ReadMessage(), spans);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return spans;
    }

    // ResourceSpans: 1 resource, 2 scope_spans.
    private static void ReadResourceSpans(ProtoReader reader, List<ExportedSpan> spans)
    {
        var service = string.Empty;
        var scopes = new List<ProtoReader>();
        while (reader.More)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    service = ReadAttributes(reader.ReadMessage(), attributesField: 1).GetValueOrDefault("service.name", string.Empty);
                    break;
                case 2:
                    scopes.Add(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        foreach (var scope in scopes)
        {
            ReadScopeSpans(scope, service, spans);
        }
    }

    // ScopeSpans: 1 scope (InstrumentationScope: 1 name), 2 spans.
    private static void ReadScopeSpans(ProtoReader reader, string service, List<ExportedSpan> spans)
    {
        var scope = string.Empty;
        var pending = new List<ProtoReader>();
        while (reader.More)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    var instrumentation = reader.ReadMessage();
                    while (instrumentation.More)
                    {
                        var (scopeField, scopeWireType) = instrumentation.ReadTag();
                        if (scopeField == 1)
                        {
                            scope = instrumentation.ReadString();
                        }
                        else
                        {
                            instrumentation.Skip(scopeWireType);
                        }
                    }

                    break;
                case 2:
                    pending.Add(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        spans.AddRange(pending.Select(span => ReadSpan(span, service, scope)));
    }

    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes.
    private static ExportedSpan ReadSpan(ProtoReader reader, string service, string scope)
    {
        string traceId = string.Empty, spanId = string.Empty, parentSpanId = string.Empty, name = string.Empty;
        var kind = 0;
        var attributes = new Dictionary<string, string>();
        while (reader.More)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 2: spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 4: parentSpanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 5: name = reader.ReadString(); break;
                case 6: kind = (int)reader.ReadVarint(); break;
                case 9: ReadKeyValue(reader.ReadMessage(), attributes); break;
                default: reader.Skip(wireType); break;
            }
        }

        return new ExportedSpan(service, scope, traceId, spanId, parentSpanId, name, kind, attributes);
    }

    private static Dictionary<string, string> ReadAttributes(ProtoReader reader, int attributesField)
    {
        var attributes = new Dictionary<string, string>();
        while (reader.More)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == attributesField)
            {
                ReadKeyValue(reader.ReadMessage(), attributes);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return attributes;
    }

    // KeyValue: 1 key, 2 value (AnyValue: 1 string_value; other kinds are skipped).
    private static void ReadKeyValue(ProtoReader reader, Dictionary<string, string> attributes)
    {
        string? key = null, value = null;
        while (reader.More)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1)
            {
                key = reader.ReadString();
            }
            else if (field == 2)
            {
                var any = reader.ReadMessage();
                while (any.More)
                {
                    var (anyField, anyWireType) = any.ReadTag();
                    if (anyField == 1)
                    {
                        value = any.ReadString();
                    }
                    else
                    {
                        any.Skip(anyWireType);
                    }
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        if (key is not null && value is not null)
        {
            attributes[key] = value;
        }
    }
}
