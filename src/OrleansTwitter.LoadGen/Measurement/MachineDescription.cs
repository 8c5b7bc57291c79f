using System.Runtime.InteropServices;

namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>The machine a run measured, in one line for its report.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(model is null ? string.Empty : $" ({model})")}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
