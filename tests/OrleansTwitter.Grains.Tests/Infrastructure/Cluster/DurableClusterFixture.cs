using System.Reflection;
using Orleans.TestingHost;
using OrleansTwitter.Grains.Tests.Infrastructure.Delivery;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// Three silos on durable parts, as a production cluster runs: Azure Queue streams on a real
/// Azurite (started here, from the copy in <c>tools/azurite</c>), File grain storage in a folder
/// of its own, and the failure detection the silo host ships. Each silo has a
/// <see cref="DeliveryProbe"/>. Its test kills a silo, so no other test shares the cluster (<see cref="DurableCluster"/>).
/// </summary>
public sealed class DurableClusterFixture : TimelineClusterFixture
{
    private AzuriteProcess? _azurite;
    private DirectoryInfo? _storage;

    protected override short SiloCount => 3;

    protected override async Task StartDependenciesAsync()
    {
        // Missing Azurite fails here with the command that installs it.
        _azurite = await AzuriteProcess.StartAsync(AzuriteProcess.ExecutableFor(Assembly.GetExecutingAssembly()));
        _storage = Directory.CreateTempSubdirectory("ot-grains-tests-");
    }

    protected override void Configure(TestClusterBuilder builder)
    {
        builder.Properties["Storage:Provider"] = "File";
        builder.Properties["Storage:Path"] = _storage!.FullName;
        builder.Properties["Streams:Provider"] = "AzureQueue";
        builder.Properties["Streams:ConnectionString"] = _azurite!.ConnectionString;
        builder.AddSiloBuilderConfigurator<ShippedMembershipConfigurator>();
        builder.AddSiloBuilderConfigurator<DeliveryProbeConfigurator>();
    }

    protected override async Task StopDependenciesAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _storage?.Delete(recursive: true);
    }
}
