using System.Globalization;
using System.Text.RegularExpressions;
using OrleansTwitter.Deployment.Tests.Infrastructure;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>The web front end's Deployment and Service as every overlay renders them: the silo's pattern, in Client mode.</summary>
public sealed class WebManifestTests
{
    public static TheoryData<string> Overlays => [Kustomize.Dev, Kustomize.Prod];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_web_front_end_is_a_client_of_the_cluster_and_follows_the_silos_pattern(string overlay)
    {
        var manifests = await Kustomize.RenderAsync(overlay);
        var web = new Workload(manifests.Single("Deployment", "orleanstwitter-web"));
        Assert.Equal(["web"], web.Container["args"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("Client", (string?)web.Env.Single(e => (string?)e["name"] == "Cluster__Mode")["value"]);
        Assert.True((long)web.Spec["replicas"]! >= 2, "one web front end is a single point of failure");

        var config = OperatorContract.Data(manifests.OfKind("ConfigMap").Single(c => web.EnvFrom("configMapRef").Contains(Manifests.Name(c))));
        Assert.Equal("Redis", config["Cluster__Membership"]);
        Assert.Contains(web.EnvFrom("secretRef"), s => s.StartsWith("orleanstwitter-secrets", StringComparison.Ordinal));

        WorkloadPromises.RollsOneAtATime(web, TimeSpan.FromSeconds(5));
        WorkloadPromises.ProbesHealth(web, ImageWebPort());
        WorkloadPromises.StopsGracefully(web);
        WorkloadPromises.HasRequestsAndLimits(web);
        WorkloadPromises.SpreadsOverNodes(web);
        WorkloadPromises.RunsAsTheImagesUser(web);
        WorkloadPromises.HasBudgetAndAutoscaler(manifests, web);

        var service = manifests.Single("Service", "orleanstwitter-web");
        Assert.True(web.Selects(new System.Text.Json.Nodes.JsonObject { ["matchLabels"] = service["spec"]!["selector"]!.DeepClone() }), "the Service selects no web pod");
        Assert.Equal("http", (string?)service["spec"]!["ports"]![0]!["targetPort"]);
    }

    /// <summary>The port the image's web front end listens on (silo.Dockerfile's ASPNETCORE_URLS).</summary>
    private static long ImageWebPort()
    {
        var url = Regex.Match(Repository.Read("silo.Dockerfile"), @"ASPNETCORE_URLS=http://\+:(\d+)");
        Assert.True(url.Success, "silo.Dockerfile sets no ASPNETCORE_URLS");
        return long.Parse(url.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
