using System.Text.Json;
using OrleansTwitter.Deployment.Tests.Infrastructure;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>What each overlay adds to the base: dev runs Redis and Azurite in the cluster, prod reaches external ones through a Secret it does not create.</summary>
public sealed class OverlayTests
{
    [Fact]
    public async Task Dev_runs_Redis_with_append_only_persistence_on_a_volume_and_Azurite_and_points_the_secret_at_them()
    {
        var dev = await Kustomize.RenderAsync(Kustomize.Dev);
        Assert.All(dev.Resources.Where(r => Manifests.Kind(r) != "Namespace"), r => Assert.Equal("orleanstwitter-dev", Manifests.Namespace(r)));

        var redis = new Workload(dev.Single("StatefulSet", "redis"));
        var args = redis.Container["args"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal("yes", args[args.IndexOf("--appendonly") + 1]);
        var dataDir = args[args.IndexOf("--dir") + 1];
        var mount = redis.Container["volumeMounts"]!.AsArray().Single(m => (string?)m!["mountPath"] == dataDir)!;
        Assert.Contains(dev.Single("StatefulSet", "redis")["spec"]!["volumeClaimTemplates"]!.AsArray(), t => (string?)t!["metadata"]!["name"] == (string?)mount["name"]);

        var azurite = new Workload(dev.Single("StatefulSet", "azurite"));
        // The Azurite the tests run (tools/azurite's pinned version), in the cluster too.
        var pinned = JsonDocument.Parse(Repository.Read("tools/azurite/package.json")).RootElement.GetProperty("dependencies").GetProperty("azurite").GetString();
        Assert.Equal($"mcr.microsoft.com/azure-storage/azurite:{pinned}", (string?)azurite.Container["image"]);

        var secret = OperatorContract.Data(dev.Generated("Secret", "orleanstwitter-secrets")!);
        var redisService = dev.Single("Service", "redis");
        Assert.Equal($"redis:{redisService["spec"]!["ports"]![0]!["port"]}", secret["Redis__ConnectionString"]);
        var azuriteService = dev.Single("Service", "azurite");
        foreach (var (name, endpoint) in new[] { ("blob", "BlobEndpoint"), ("queue", "QueueEndpoint") })
        {
            var port = azuriteService["spec"]!["ports"]!.AsArray().Single(p => (string?)p!["name"] == name)!["port"];
            Assert.Contains($"{endpoint}=http://azurite:{port}/devstoreaccount1;", secret["Storage__ConnectionString"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Prod_runs_no_servers_and_takes_both_connection_strings_from_a_secret_it_does_not_create()
    {
        var prod = await Kustomize.RenderAsync(Kustomize.Prod);
        Assert.All(prod.Resources.Where(r => Manifests.Kind(r) != "Namespace"), r => Assert.Equal("orleanstwitter", Manifests.Namespace(r)));
        Assert.Empty(prod.OfKind("StatefulSet"));
        Assert.Empty(prod.OfKind("Secret"));
        foreach (var name in new[] { "orleanstwitter-silo", "orleanstwitter-web" })
        {
            var workload = new Workload(prod.Single("Deployment", name));
            Assert.Equal(["orleanstwitter-secrets"], workload.EnvFrom("secretRef"));
            // A pinned image, not latest.
            var image = (string)workload.Container["image"]!;
            Assert.DoesNotMatch(@":latest$|^[^:]+$", image);
        }
    }
}
