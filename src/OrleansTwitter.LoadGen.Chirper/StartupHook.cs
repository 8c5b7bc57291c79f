/// <summary>
/// The .NET runtime's startup-hook entry point (DOTNET_STARTUP_HOOKS names this assembly's
/// path): the runtime loads the assembly into the default load context before the silo's Main
/// runs. Loading it is all that is needed: when the silo builds its host, Orleans registers
/// every loaded assembly that is an application part (ReferencedAssemblyProvider), so the
/// benchmark's grain types exist on exactly the silos the benchmark starts, and the product
/// neither references nor registers them.
/// </summary>
internal static class StartupHook
{
    /// <summary>Called by the runtime; nothing else to do, see the type's remarks.</summary>
    public static void Initialize()
    {
    }
}
