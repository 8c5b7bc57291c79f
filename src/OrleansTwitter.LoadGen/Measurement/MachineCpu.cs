using System.Globalization;

namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>
/// The machine's CPU time in clock ticks since boot, summed over cores, and its context switches
/// since boot (Linux <c>/proc/stat</c>), so two readings say how busy all cores together were in
/// between and how often a core changed threads.
/// </summary>
internal readonly record struct MachineCpu(long Busy, long Total, long ContextSwitches)
{
    private const int IdleColumn = 3;
    private const int IoWaitColumn = 4;

    public static MachineCpu? Read()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" ... "ctxt N"
            var lines = File.ReadAllLines("/proc/stat");
            var line = lines.FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var switches = lines.FirstOrDefault(l => l.StartsWith("ctxt ", StringComparison.Ordinal));
            if (line is null || switches is null)
            {
                return null;
            }

            var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = values.Sum();
            var idle = values[IdleColumn] + values[IoWaitColumn];
            return new MachineCpu(total - idle, total, long.Parse(switches.AsSpan(5), CultureInfo.InvariantCulture));
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
