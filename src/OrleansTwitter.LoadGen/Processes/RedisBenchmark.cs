using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>
/// Runs <c>redis-benchmark -t ping</c> against our redis-server: a round trip over loopback
/// with the least possible work at the far end, the reference for a grain call's cost.
/// </summary>
internal static partial class RedisBenchmark
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Requests per second for each PING variant (<c>PING_INLINE</c>, <c>PING_MBULK</c>), with p50 where redis-benchmark reports it.</summary>
    public static async Task<RedisPingResult> RunAsync(int port, int requests, int clients, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executables.Require("redis-benchmark", "redis-server"));
        string[] arguments = ["-h", "127.0.0.1", "-p", Invariant(port), "-t", "ping", "-n", Invariant(requests), "-c", Invariant(clients), "-q"];
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
        var variants = new List<RedisPingVariant>();
        foreach (Match match in ResultLine().Matches(output))
        {
            var p50 = match.Groups["p50"].Success ? double.Parse(match.Groups["p50"].Value, CultureInfo.InvariantCulture) : (double?)null;
            variants.RemoveAll(v => v.Test == match.Groups["test"].Value);
            variants.Add(new RedisPingVariant(match.Groups["test"].Value, double.Parse(match.Groups["rps"].Value, CultureInfo.InvariantCulture), p50));
        }

        if (exitCode != 0 || variants.Count == 0)
        {
            throw new InvalidOperationException($"`{command}` exited with {exitCode} and no result line. Output:{Environment.NewLine}{output}");
        }

        return new RedisPingResult(command, variants);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    // "PING_INLINE: 123456.79 requests per second, p50=0.199 msec" (Redis 7; 6 has no p50).
    [GeneratedRegex(@"(?<test>PING_INLINE|PING_MBULK): (?<rps>[0-9]+(?:\.[0-9]+)?) requests per second(?:, p50=(?<p50>[0-9]+(?:\.[0-9]+)?) msec)?")]
    private static partial Regex ResultLine();
}
