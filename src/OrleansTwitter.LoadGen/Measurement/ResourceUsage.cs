namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>Resources spent over one measured interval; see <see cref="ResourceSample"/>.</summary>
/// <param name="Elapsed">Wall-clock length of the interval.</param>
/// <param name="CpuByProcess">CPU time (user + system) each process used.</param>
/// <param name="MachineBusy">Fraction of all cores' time that was not idle, when the OS tells.</param>
/// <param name="ContextSwitches">Context switches on all cores, when the OS tells.</param>
/// <param name="TcpOutSegments">TCP segments the machine sent, when the OS tells.</param>
/// <param name="ClientAllocatedBytes">Bytes this process allocated.</param>
/// <param name="ClientGen0Collections">Gen-0 collections in this process.</param>
/// <param name="ClientGen2Collections">Gen-2 collections in this process.</param>
internal sealed record ResourceUsage(
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, TimeSpan> CpuByProcess,
    double? MachineBusy,
    long? ContextSwitches,
    long? TcpOutSegments,
    long ClientAllocatedBytes,
    int ClientGen0Collections,
    int ClientGen2Collections)
{
    /// <summary>CPU microseconds each process spent per completed call.</summary>
    public IReadOnlyDictionary<string, double> CpuMicrosecondsPerCall(long calls) =>
        CpuByProcess.ToDictionary(p => p.Key, p => calls == 0 ? 0 : p.Value.TotalMicroseconds / calls, StringComparer.Ordinal);

    /// <summary>Context switches per completed call, when the OS tells: how many thread hand-offs a call costs.</summary>
    public double? ContextSwitchesPerCall(long calls) => ContextSwitches is { } n && calls > 0 ? (double)n / calls : null;

    /// <summary>TCP segments per completed call, when the OS tells: below 1, several frames share a write.</summary>
    public double? SegmentsPerCall(long calls) => TcpOutSegments is { } n && calls > 0 ? (double)n / calls : null;

    /// <summary>
    /// CPU time, as a fraction of all cores, used by processes this run did not start (builds,
    /// tests, anything else on the machine): the machine's busy time less ours. Well above zero,
    /// the figures of this interval are not the benchmark's alone.
    /// </summary>
    public double? OtherProcessesBusy => MachineBusy is { } busy
        ? Math.Max(0, busy - (CpuByProcess.Values.Sum(t => t.TotalSeconds) / (Environment.ProcessorCount * Elapsed.TotalSeconds)))
        : null;

    /// <summary>All processes' CPU microseconds per completed call.</summary>
    public double TotalCpuMicrosecondsPerCall(long calls) => calls == 0 ? 0 : CpuByProcess.Values.Sum(t => t.TotalMicroseconds) / calls;
}
