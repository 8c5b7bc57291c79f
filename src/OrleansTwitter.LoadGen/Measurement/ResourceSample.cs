using System.Diagnostics;
using System.Globalization;
using OrleansTwitter.LoadGen.Processes;

namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>
/// Counters read at one instant: CPU time of this process and of each process the benchmark
/// started, the machine's busy and total CPU time, TCP segments sent, and this process's
/// allocations and collections. Two samples bracket a measured interval; their difference is
/// the evidence for where the time of a call goes.
/// </summary>
internal sealed record ResourceSample(
    long Timestamp,
    IReadOnlyDictionary<string, TimeSpan> CpuByProcess,
    MachineCpu? Machine,
    long? TcpOutSegments,
    long ClientAllocatedBytes,
    int ClientGen0Collections,
    int ClientGen2Collections)
{
    public const string ClientName = "client (loadgen)";

    public static ResourceSample Take(IEnumerable<ChildProcess> processes)
    {
        var cpu = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        using (var self = Process.GetCurrentProcess())
        {
            cpu[ClientName] = self.TotalProcessorTime;
        }

        foreach (var process in processes)
        {
            cpu[process.Name] = process.CpuTime();
        }

        return new ResourceSample(
            Stopwatch.GetTimestamp(),
            cpu,
            MachineCpu.Read(),
            ReadTcpOutSegments(),
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(2));
    }

    /// <summary>What happened between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static ResourceUsage Between(ResourceSample before, ResourceSample after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var cpu = after.CpuByProcess.ToDictionary(
            p => p.Key,
            p => p.Value - before.CpuByProcess.GetValueOrDefault(p.Key),
            StringComparer.Ordinal);
        double? busy = null;
        long? switches = null;
        if (before.Machine is { } b && after.Machine is { } a && a.Total > b.Total)
        {
            busy = (double)(a.Busy - b.Busy) / (a.Total - b.Total);
            switches = a.ContextSwitches - b.ContextSwitches;
        }

        return new ResourceUsage(
            Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp),
            cpu,
            busy,
            switches,
            after.TcpOutSegments - before.TcpOutSegments,
            after.ClientAllocatedBytes - before.ClientAllocatedBytes,
            after.ClientGen0Collections - before.ClientGen0Collections,
            after.ClientGen2Collections - before.ClientGen2Collections);
    }

    // Linux only: /proc/net/snmp has a "Tcp:" header line and a "Tcp:" values line. Every
    // segment sent on loopback is counted, data and pure acknowledgements alike, so segments
    // per call show how well frames are coalesced into writes.
    private static long? ReadTcpOutSegments()
    {
        try
        {
            var tcp = File.ReadLines("/proc/net/snmp").Where(l => l.StartsWith("Tcp:", StringComparison.Ordinal)).Take(2).ToList();
            if (tcp.Count < 2)
            {
                return null;
            }

            var column = Array.IndexOf(tcp[0].Split(' '), "OutSegs");
            return column < 0 ? null : long.Parse(tcp[1].Split(' ')[column], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
