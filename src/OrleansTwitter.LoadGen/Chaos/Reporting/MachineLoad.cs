namespace OrleansTwitter.LoadGen.Chaos.Reporting;

/// <summary>
/// The machine's one-minute load average (Linux /proc/loadavg), read when the load starts and
/// stops: on a shared machine, figures measured at a load average far above the core count say
/// more about the machine than about the cluster, and the report says so.
/// </summary>
internal static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    /// <summary>The one-minute load average, or null where the system does not publish it.</summary>
    public static double? OneMinute() =>
        File.Exists(LoadAverageFile) && double.TryParse(File.ReadAllText(LoadAverageFile).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
