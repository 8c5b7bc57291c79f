namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>
/// Shares of all cores' time over an interval: the machine's busy time, this load generator's,
/// the server's, and the rest (other processes on a shared machine). Null where the OS does not tell.
/// </summary>
internal sealed record CpuShares(double? MachineBusy, double Client, double? Server)
{
    /// <summary>Busy time that was neither ours nor the server's; well above a few percent, the figures are not the benchmark's alone.</summary>
    public double? Others => MachineBusy is { } busy ? Math.Max(0, busy - Client - (Server ?? 0)) : null;
}
