using System.Diagnostics;

namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>CPU counters at one instant: the machine's, this process's and a watched server's; two samples give <see cref="CpuShares"/>.</summary>
internal sealed record CpuSample(long Timestamp, MachineCpu? Machine, TimeSpan Client, TimeSpan? Server)
{
    public static CpuSample Take(ServerMonitor? server)
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSample(Stopwatch.GetTimestamp(), MachineCpu.Read(), self.TotalProcessorTime, server?.CpuTime());
    }

    public static CpuShares Between(CpuSample before, CpuSample after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var cores = Environment.ProcessorCount * Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        double? busy = before.Machine is { } b && after.Machine is { } a && a.Total > b.Total ? (double)(a.Busy - b.Busy) / (a.Total - b.Total) : null;
        double? server = before.Server is { } s0 && after.Server is { } s1 ? (s1 - s0).TotalSeconds / cores : null;
        return new CpuShares(busy, (after.Client - before.Client).TotalSeconds / cores, server);
    }
}
