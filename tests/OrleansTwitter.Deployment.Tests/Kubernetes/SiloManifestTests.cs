using System.Text.Json;
using OrleansTwitter.Deployment.Tests.Infrastructure;
using OrleansTwitter.Hosting.Configuration;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>The silo Deployment as every overlay renders it (issue 18, item 2).</summary>
public sealed class SiloManifestTests
{
    public static TheoryData<string> Overlays => [Kustomize.Dev, Kustomize.Prod];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Three_silos_roll_one_at_a_time_each_known_to_the_cluster_before_the_next_old_one_stops(string overlay)
    {
        var silo = await SiloAsync(overlay);
        Assert.Equal(3L, (long)silo.Spec["replicas"]!);
        // A new silo is in every silo's membership view after a table refresh, and in every
        // client's gateway list after its refresh: only then may an old silo leave.
        WorkloadPromises.RollsOneAtATime(silo, MembershipDefaults.TableRefreshTimeout + MembershipDefaults.GatewayListRefreshPeriod);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_silo_reads_the_operator_contract_from_a_ConfigMap_and_advertises_its_pod_IP(string overlay)
    {
        var manifests = await Kustomize.RenderAsync(overlay);
        var silo = await SiloAsync(overlay);
        Assert.Equal(["silo"], silo.Container["args"]!.AsArray().Select(a => (string)a!));

        var host = silo.Env.Single(e => (string?)e["name"] == "Silo__Host");
        Assert.Equal("status.podIP", (string?)host["valueFrom"]!["fieldRef"]!["fieldPath"]);

        var configMap = manifests.OfKind("ConfigMap").Single(c => silo.EnvFrom("configMapRef").Contains(Manifests.Name(c)));
        var config = OperatorContract.Data(configMap);
        Assert.All(config.Keys, key => Assert.Contains(key, OperatorContract.Keys));
        Assert.Equal("Redis", config["Cluster__Membership"]);
        Assert.Equal("AzureBlob", config["Storage__Provider"]);
        Assert.Equal("AzureQueue", config["Streams__Provider"]);

        // The ports the silo listens on are the ports the pod declares, and the contract's defaults.
        var shipped = JsonDocument.Parse(Repository.Read("src/OrleansTwitter.Silo/appsettings.json")).RootElement.GetProperty("Silo");
        foreach (var (key, port) in new[] { ("Port", "silo"), ("GatewayPort", "gateway"), ("HttpPort", "http") })
        {
            Assert.Equal(shipped.GetProperty(key).GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), config[$"Silo__{key}"]);
            Assert.Equal(shipped.GetProperty(key).GetInt64(), silo.Port(port));
        }

        // The connection strings come from a Secret, never from the ConfigMap.
        Assert.DoesNotContain(config.Keys, k => k.EndsWith("__ConnectionString", StringComparison.Ordinal));
        Assert.Contains(silo.EnvFrom("secretRef"), s => s.StartsWith("orleanstwitter-secrets", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_silo_is_probed_on_its_HTTP_port_stops_gracefully_and_is_bounded_spread_budgeted_and_autoscaled(string overlay)
    {
        var manifests = await Kustomize.RenderAsync(overlay);
        var silo = await SiloAsync(overlay);
        var shipped = JsonDocument.Parse(Repository.Read("src/OrleansTwitter.Silo/appsettings.json")).RootElement;
        WorkloadPromises.ProbesHealth(silo, shipped.GetProperty("Silo").GetProperty("HttpPort").GetInt64());
        WorkloadPromises.StopsGracefully(silo);
        WorkloadPromises.HasRequestsAndLimits(silo);
        WorkloadPromises.SpreadsOverNodes(silo);
        WorkloadPromises.RunsAsTheImagesUser(silo);
        WorkloadPromises.HasBudgetAndAutoscaler(manifests, silo);
    }

    private static async Task<Workload> SiloAsync(string overlay) =>
        new((await Kustomize.RenderAsync(overlay)).Single("Deployment", "orleanstwitter-silo"));
}
