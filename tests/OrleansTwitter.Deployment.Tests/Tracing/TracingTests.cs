using OrleansTwitter.Deployment.Tests.Infrastructure;
using OrleansTwitter.Testing.Waiting;
using Xunit.Abstractions;

namespace OrleansTwitter.Deployment.Tests.Tracing;

/// <summary>
/// One POST /api/tweets is one trace across processes: the web front end's request span, its
/// grain call, and the silo's side of that call, exported over OTLP by both processes (real
/// processes started through the image's entrypoint, OTEL_EXPORTER_OTLP_ENDPOINT set).
/// </summary>
[Collection(ImageHostsCollection.Name)]
public sealed class TracingTests(ImageHostsFixture hosts, ITestOutputHelper output)
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task One_POST_api_tweets_is_one_trace_from_the_web_request_into_the_silos_grain_call()
    {
        var api = new Api(hosts.WebHttp);
        var handle = $"traced{Guid.NewGuid():N}"[..15];
        var token = await api.SignUpAsync(handle);
        await api.PostAsync(token, "traced");

        // The silo's span of the post: Orleans' server-side span of IUserGrain.PostAsync on this user's grain.
        await Eventually.MeetsAsync(
            () => Task.FromResult(hosts.Receiver.Spans.Any(s => s.Service == "orleanstwitter-silo" && IsPostOn(s, handle)) ? null : Received()),
            ExportTimeout, "the silo's span of IUserGrain.PostAsync");
        var siloPost = hosts.Receiver.Spans.Single(s => s.Service == "orleanstwitter-silo" && IsPostOn(s, handle));
        // The silo's side of the call (the web front end's side is the client span).
        Assert.Equal(ExportedSpan.ServerKind, siloPost.Kind);

        // Every span of that trace, once the web front end has exported its part (the request span ends last).
        var trace = await Eventually.WaitForAsync(
            () => Task.FromResult(hosts.Receiver.Spans.Where(s => s.TraceId == siloPost.TraceId).ToList()),
            spans => spans.Any(s => s.Service == "orleanstwitter-web" && s.Kind == ExportedSpan.ServerKind),
            ExportTimeout, "the web front end's request span in the post's trace");
        output.WriteLine(string.Join(Environment.NewLine, trace));

        // One request, one trace: its root is the web front end's POST /api/tweets ...
        var roots = trace.Where(s => s.ParentSpanId.Length == 0).ToList();
        var request = Assert.Single(roots);
        Assert.Equal("orleanstwitter-web", request.Service);
        Assert.Equal(ExportedSpan.ServerKind, request.Kind);
        Assert.StartsWith("POST /api/tweets", request.Name, StringComparison.Ordinal);
        Assert.Single(trace, s => s.Service == "orleanstwitter-web" && s.Kind == ExportedSpan.ServerKind);

        // ... and the silo's grain call descends from it, through the web front end's client call.
        var ancestry = Ancestry(siloPost, trace);
        Assert.Equal(request, ancestry[^1]);
        Assert.Contains(ancestry, s => s.Service == "orleanstwitter-web" && s.Kind == ExportedSpan.ClientKind && IsPostOn(s, handle));

        // And the post's grain call happened once, in this trace only.
        Assert.Single(hosts.Receiver.Spans, s => s.Service == "orleanstwitter-silo" && IsPostOn(s, handle));
    }

    /// <summary>What has arrived so far, for a failure's message.</summary>
    private string Received() =>
        $"{hosts.Receiver.Spans.Count} spans received; the last ones:{Environment.NewLine}" +
        string.Join(Environment.NewLine, hosts.Receiver.Spans.TakeLast(20).Select(s => $"{s} {string.Join(", ", s.Attributes.Select(a => $"{a.Key}={a.Value}"))}"));

    /// <summary>
    /// An Orleans grain-call span of IUserGrain.PostAsync on this user's grain. (Orleans puts it
    /// under its "Microsoft.Orleans.Runtime" source, not "Application": it classifies interfaces by
    /// a namespace prefix "Orleans", which OrleansTwitter.Contracts also has.)
    /// </summary>
    private static bool IsPostOn(ExportedSpan span, string handle) =>
        span.Scope.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal)
        && span.Attributes.GetValueOrDefault("orleans.rpc.target_id") == $"user/{handle}"
        && span.Attributes.GetValueOrDefault("rpc.method") == "OrleansTwitter.Contracts.IUserGrain/PostAsync";

    /// <summary>The span's parent, its parent's parent, and so on, up to the root; fails on a parent missing from the trace.</summary>
    private static List<ExportedSpan> Ancestry(ExportedSpan span, IReadOnlyList<ExportedSpan> trace)
    {
        var chain = new List<ExportedSpan>();
        var current = span;
        while (current.ParentSpanId.Length > 0)
        {
            var parentId = current.ParentSpanId;
            current = trace.SingleOrDefault(s => s.SpanId == parentId)
                ?? throw new Xunit.Sdk.XunitException($"{current} has a parent {parentId} that is not in the trace:{Environment.NewLine}{string.Join(Environment.NewLine, trace)}");
            chain.Add(current);
        }

        return chain;
    }
}
