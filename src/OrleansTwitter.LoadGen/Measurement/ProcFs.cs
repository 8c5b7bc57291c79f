using System.Globalization;

namespace OrleansTwitter.LoadGen.Measurement;

/// <summary>
/// What Linux's /proc says about a process: its parent, its children, its memory and its CPU
/// time. Every reader returns null when the process is gone or the file cannot be read (not
/// Linux, another user's process without the rights), so a figure is reported as unknown
/// rather than wrong.
/// </summary>
internal static class ProcFs
{
    /// <summary>Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux architecture the benchmark runs on.</summary>
    public const double ClockTicksPerSecond = 100;

    public static int? ParentOf(int pid) =>
        Stat(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    /// <summary><paramref name="root"/> and every process below it.</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in EnumerateProcesses())
        {
            if (ParentOf(directory) is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(directory);
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            if (children.TryGetValue(tree[i], out var list))
            {
                tree.AddRange(list);
            }
        }

        return tree;
    }

    /// <summary>
    /// Proportional set size: resident memory with each shared page divided among the processes
    /// that map it, so the processes of one server (PostgreSQL's backends sharing its buffers)
    /// add up to what the server really holds.
    /// </summary>
    public static long? ProportionalSetBytes(int pid) => KilobyteField($"/proc/{pid}/smaps_rollup", "Pss:");

    /// <summary>Resident set size; shared pages count in every process that maps them.</summary>
    public static long? ResidentBytes(int pid) => KilobyteField($"/proc/{pid}/status", "VmRSS:");

    /// <summary>User and system CPU time.</summary>
    public static TimeSpan? CpuTime(int pid) =>
        Stat(pid) is { } fields
            ? TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond)
            : null;

    private static IEnumerable<int> EnumerateProcesses()
    {
        IEnumerable<string> directories;
        try
        {
            directories = Directory.EnumerateDirectories("/proc").ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return directories.Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : -1).Where(pid => pid > 0);
    }

    // /proc/PID/stat: "pid (comm) state ppid ...": the command may hold spaces and parentheses,
    // so the fields are counted from the last ')'. Returned from state on: [0] state, [1] ppid,
    // [11] utime, [12] stime.
    private static string[]? Stat(int pid)
    {
        var text = Read($"/proc/{pid}/stat");
        var end = text?.LastIndexOf(')') ?? -1;
        return end < 0 ? null : text![(end + 2)..].Split(' ');
    }

    private static long? KilobyteField(string path, string name)
    {
        var line = Read(path)?.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
