using System.Diagnostics;
using System.Globalization;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>
/// Runs <c>redis-benchmark -t ping</c> against our redis-server: a round trip over loopback
/// with the least possible work at the far end, the reference for a grain call's cost.
/// </summary>
internal static class RedisBenchmark
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Requests per second for each PING variant (<c>PING_INLINE</c>, <c>PING_MBULK</c>), with p50 and p99 where redis-benchmark reports them.</summary>
    public static async Task<RedisPingResult> RunAsync(int port, int requests, int clients, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executables.Require("redis-benchmark", "redis-server"));
        string[] arguments = ["-h", "127.0.0.1", "-p", Invariant(port), "-t", "ping", "-n", Invariant(requests), "-c", Invariant(clients), "--csv"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var command = "redis-benchmark " + string.Join(' ', arguments);
        await using var process = ChildProcess.Start("redis-benchmark", start);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RunTimeout);
        int exitCode;
        try
        {
            exitCode = await process.Exited.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"`{command}` did not finish within {RunTimeout}. Output:{Environment.NewLine}{process.Output}");
        }

        // The exit event can fire before the last asynchronous output lines are delivered.
        process.Process.WaitForExit();
        var output = process.Output;
        var variants = Parse(output);
        if (exitCode != 0 || variants.Count == 0)
        {
            throw new InvalidOperationException($"`{command}` exited with {exitCode} and no result line. Output:{Environment.NewLine}{output}");
        }

        return new RedisPingResult(command, variants);
    }

    // --csv: a header line, then one line per test, every field quoted:
    // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
    // (Redis 7; older versions print only "test","rps").
    private static List<RedisPingVariant> Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray())
            .ToList();
        var header = lines.FirstOrDefault(f => f.Length > 1 && f[0] == "test" && f[1] == "rps");
        if (header is null)
        {
            return [];
        }

        var p50 = Array.IndexOf(header, "p50_latency_ms");
        var p99 = Array.IndexOf(header, "p99_latency_ms");
        return [.. lines
            .Where(f => f.Length == header.Length && f[0] is "PING_INLINE" or "PING_MBULK")
            .Select(f => (Fields: f, RequestsPerSecond: Number(f[1])))
            .Where(r => r.RequestsPerSecond is not null)
            .Select(r => new RedisPingVariant(r.Fields[0], r.RequestsPerSecond!.Value, p50 < 0 ? null : Number(r.Fields[p50]), p99 < 0 ? null : Number(r.Fields[p99])))];
    }

    private static double? Number(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
