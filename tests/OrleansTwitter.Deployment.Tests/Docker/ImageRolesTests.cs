using OrleansTwitter.Deployment.Tests.Infrastructure;

namespace OrleansTwitter.Deployment.Tests.Docker;

/// <summary>
/// Both roles of the image as the shared fixture runs them: the process each container runs is
/// <c>dotnet</c> with the very dll the system tests start, and the web role's health check passes.
/// </summary>
[Collection(ImageHostsCollection.Name)]
public sealed class ImageRolesTests(ImageHostsFixture hosts)
{
    [Fact]
    public void Each_role_is_dotnet_running_the_dll_the_system_tests_run_as_the_containers_main_process()
    {
        foreach (var (process, assembly) in new[] { (hosts.Silo, Repository.SiloAssembly), (hosts.Web, Repository.WebAssembly) })
        {
            // The entrypoint exec'd: the process started as entrypoint.sh is now dotnet itself.
            var commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("dotnet", Path.GetFileName(commandLine[0]));
            var dll = new FileInfo(commandLine[1]);
            var linkedFolder = new DirectoryInfo(dll.DirectoryName!).ResolveLinkTarget(returnFinalTarget: true)!;
            Assert.Equal(assembly, Path.Combine(linkedFolder.FullName, dll.Name));
        }
    }

    [Fact]
    public async Task The_web_roles_health_check_passes_while_the_web_front_end_runs()
    {
        var (exitCode, output) = await hosts.Image.HealthAsync(hosts.WebEnvironment);
        Assert.True(exitCode == 0, $"the web role's health check failed (exit {exitCode}): {output}");
    }
}
