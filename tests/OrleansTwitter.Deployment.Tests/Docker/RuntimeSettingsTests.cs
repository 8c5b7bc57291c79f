using System.Text.Json;
using OrleansTwitter.Deployment.Tests.Infrastructure;

namespace OrleansTwitter.Deployment.Tests.Docker;

/// <summary>
/// The .NET runtime settings the programs ship in their runtimeconfig.json, which the image and
/// the system tests both run: what docs/operations.md ("Start-up cost") promises operators.
/// </summary>
public sealed class RuntimeSettingsTests
{
    public static TheoryData<string> Programs() => [Repository.SiloAssembly, Repository.WebAssembly];

    [Theory]
    [MemberData(nameof(Programs))]
    public void The_silo_and_the_web_front_end_start_without_dynamic_PGO(string assembly)
    {
        var pgo = ConfigProperty(assembly, "System.Runtime.TieredPGO");

        Assert.False(pgo.GetBoolean(), $"{assembly} turns dynamic PGO on");
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void The_thread_pool_workers_of_the_silo_and_the_web_front_end_do_not_spin(string assembly)
    {
        var spinLimit = ConfigProperty(assembly, "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit");

        Assert.Equal(0, spinLimit.GetInt32());
    }

    private static JsonElement ConfigProperty(string assembly, string name)
    {
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var found = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").TryGetProperty(name, out var value);
        Assert.True(found, $"{runtimeConfig} does not set {name}");
        return value.Clone();
    }
}
