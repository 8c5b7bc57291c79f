using System.Text;
using OrleansTwitter.LoadGen.ClusterCalls;
using OrleansTwitter.LoadGen.Measurement;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>
/// The tables behind the headline figures: every closed-loop run, what each call cost each
/// process in CPU, how many TCP segments and client allocations it took, and the latency run's
/// full distribution. They are what an analysis of a missed target points at.
/// </summary>
internal static class EvidenceTables
{
    public static string Render(ClusterCallsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine("### Throughput by concurrency").AppendLine();
        md.AppendLine("Machine CPU busy is all cores' busy time; \"of which others\" is the part used by processes this run did not start (on a shared machine, builds and tests), which the calls/s of that window had to share the cores with.").AppendLine();
        md.AppendLine("| set-up | callers | calls/s | errors | machine CPU busy | of which others |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var setup in report.Setups)
        {
            foreach (var run in setup.Throughput)
            {
                md.AppendLine(Invariant($"| {setup.Name} | {run.Concurrency:N0} | {run.CallsPerSecond:N0} | {run.Errors} | {Busy(run.Usage)} | {Others(run.Usage)} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("### Where a call's cost goes (best closed-loop run)").AppendLine();
        md.AppendLine("CPU time (user + system) per completed call, from each process's CPU counter over the measured window; context switches from `/proc/stat` and TCP segments from `/proc/net/snmp` (machine-wide: every loopback segment, data and acknowledgements); client allocations from `GC.GetTotalAllocatedBytes`. The latency run is at a fixed rate, so its cost per call shows what a call costs when fewer are in flight.").AppendLine();
        md.AppendLine("| set-up | run | calls/s | machine CPU busy | CPU µs per call, by process | CPU µs per call, total | context switches per call | TCP segments per call | client bytes allocated per call | client gen-0 GCs/s |");
        md.AppendLine("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var setup in report.Setups)
        {
            var best = setup.Best;
            md.AppendLine(CostRow(setup.Name, Invariant($"closed loop, {best.Concurrency:N0} callers"), best.Completed, best.Usage));
            var latency = setup.Latency;
            md.AppendLine(CostRow(setup.Name, report.Settings.LatencyRate is null ? Invariant($"open loop at {report.Settings.LatencyLoad:P0}") : $"open loop at {report.Settings.LatencyLoadLabel}", latency.Latency.Count + latency.Errors, latency.Usage));
        }

        md.AppendLine();
        md.AppendLine("### Latency run").AppendLine();
        md.AppendLine("Issue lag is how late the load generator issued calls against their schedule (its issuer thread wakes every 100 µs or so and issues every call then due); a large lag means the generator itself was short of CPU.").AppendLine();
        md.AppendLine("| set-up | target calls/s | issued calls/s | p50 | p90 | p99 | p99.9 | max | issue lag p50 / p99 | machine CPU busy | of which others | errors |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var setup in report.Setups)
        {
            var l = setup.Latency;
            var d = l.Latency;
            md.AppendLine(Invariant($"| {setup.Name} | {l.TargetRate:N0} | {l.IssuedRate:N0} | {d.P50:0.000} ms | {d.P90:0.000} ms | {d.P99:0.000} ms | {d.P999:0.000} ms | {d.Max:0.000} ms | {l.IssueLag.P50:0.000} / {l.IssueLag.P99:0.000} ms | {Busy(l.Usage)} | {Others(l.Usage)} | {l.Errors} |"));
        }

        var failures = report.Setups.SelectMany(x => x.Throughput.Select(r => r.FirstError).Append(x.Latency.FirstError)).OfType<string>().Distinct().ToList();
        if (failures.Count > 0)
        {
            md.AppendLine().AppendLine("First errors seen:").AppendLine();
            foreach (var failure in failures)
            {
                md.AppendLine("- `" + failure.ReplaceLineEndings(" ") + "`");
            }
        }

        md.AppendLine();
        return md.ToString();
    }

    private static string CostRow(string setup, string run, long calls, ResourceUsage usage)
    {
        var byProcess = string.Join(" · ", usage.CpuMicrosecondsPerCall(calls).Select(p => Invariant($"{p.Key} {p.Value:0.0}")));
        return Invariant($"| {setup} | {run} | {calls / usage.Elapsed.TotalSeconds:N0} | {Busy(usage)} | {byProcess} | {usage.TotalCpuMicrosecondsPerCall(calls):0.0} | {Optional(usage.ContextSwitchesPerCall(calls))} | {Optional(usage.SegmentsPerCall(calls))} | {(double)usage.ClientAllocatedBytes / Math.Max(1, calls):N0} | {usage.ClientGen0Collections / usage.Elapsed.TotalSeconds:0.0} |");
    }

    private static string Optional(double? value) => value is { } v ? Invariant($"{v:0.00}") : "n/a";

    private static string Others(ResourceUsage usage) =>
        usage.OtherProcessesBusy is { } others ? Invariant($"{others:P0}") : "n/a";

    private static string Busy(ResourceUsage usage) =>
        usage.MachineBusy is { } busy ? Invariant($"{busy:P0} of {Environment.ProcessorCount} cores") : "n/a";
}
