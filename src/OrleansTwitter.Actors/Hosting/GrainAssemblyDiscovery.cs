using System.Reflection;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>
/// Finds the assemblies that may carry generated grain manifests: those loaded now and
/// everything they reference, transitively, that itself references this runtime. It runs
/// once at start-up; framework assemblies are skipped without being loaded.
/// </summary>
internal static class GrainAssemblyDiscovery
{
    private static readonly string RuntimeAssemblyName = typeof(GrainAssemblyDiscovery).Assembly.GetName().Name!;

    public static IReadOnlyList<Assembly> Discover(IEnumerable<Assembly> explicitAssemblies)
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>();
        var roots = AppDomain.CurrentDomain.GetAssemblies().Concat(explicitAssemblies);
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            roots = roots.Append(entry);
        }

        foreach (var assembly in roots)
        {
            pending.Push(assembly);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var assembly))
        {
            var name = assembly.GetName();
            if (name.Name is null || IsFramework(name.Name) || !visited.Add(name.FullName))
            {
                continue;
            }

            var references = assembly.GetReferencedAssemblies();
            if (name.Name == RuntimeAssemblyName || references.Any(r => r.Name == RuntimeAssemblyName))
            {
                found[name.FullName] = assembly;
            }

            foreach (var reference in references)
            {
                if (reference.Name is not null && !IsFramework(reference.Name) && !visited.Contains(reference.FullName)
                    && TryLoad(reference) is { } loaded)
                {
                    pending.Push(loaded);
                }
            }
        }

        return [.. found.Values];
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name.StartsWith("xunit", StringComparison.Ordinal)
        || name is "netstandard" or "mscorlib" or "WindowsBase";

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            // A reference that is not deployed (an optional or design-time dependency) cannot
            // carry grains this process could run.
            return null;
        }
    }
}
