using System.Runtime.InteropServices;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>Sends SIGTERM, which .NET's Process API cannot (Kill sends SIGKILL).</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (Kill(processId, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
