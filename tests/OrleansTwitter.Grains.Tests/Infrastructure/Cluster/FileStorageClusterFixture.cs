using Orleans.TestingHost;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// One silo on File grain storage in a folder the test owns: a test starts one, stops it, and
/// starts another on the same folder, as an operator restarts a silo.
/// </summary>
public sealed class FileStorageClusterFixture(string storagePath) : TimelineClusterFixture
{
    protected override short SiloCount => 1;

    protected override void Configure(TestClusterBuilder builder)
    {
        builder.Properties["Storage:Provider"] = "File";
        builder.Properties["Storage:Path"] = storagePath;
    }
}
