using System.Runtime.InteropServices;

namespace OrleansTwitter.LoadGen.Load;

/// <summary>
/// Sleeps for well under a millisecond. .NET's timers fire here about every 4 ms and
/// <see cref="Thread.Sleep(int)"/> takes whole milliseconds; an issuer that woke that seldom
/// would send calls in bursts of hundreds and measure its own bursts as latency. On Linux
/// <c>usleep(3)</c> wakes within tens of microseconds without spinning a core the silos need.
/// </summary>
internal static partial class PreciseSleep
{
    public static void Sleep(TimeSpan duration)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = USleep((uint)Math.Max(1, duration.TotalMicroseconds));
        }
        else
        {
            Thread.Sleep(Math.Max(1, (int)duration.TotalMilliseconds));
        }
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    private static partial int USleep(uint microseconds);
}
