namespace OrleansTwitter.LoadGen.Processes;

/// <summary>Finds the external programs the benchmark runs, and says how to get one that is missing.</summary>
internal static class Executables
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or a clear error that names the package to install.</summary>
    public static string Require(string name, string package)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{name}' is not on PATH; install it with `apt-get install -y {package}` (./test.sh does).", name);
    }
}
