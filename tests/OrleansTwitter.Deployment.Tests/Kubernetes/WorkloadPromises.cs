using System.Globalization;
using System.Text.Json.Nodes;
using OrleansTwitter.Deployment.Tests.Docker;
using OrleansTwitter.Deployment.Tests.Infrastructure;
using OrleansTwitter.Hosting;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>What issue 18 asks of both Deployments (silo and web front end), as assertions on the rendered YAML.</summary>
internal static class WorkloadPromises
{
    /// <summary>One new pod first, no old pod stopped before it is ready (and has stayed ready for minReadySeconds).</summary>
    public static void RollsOneAtATime(Workload workload, TimeSpan minReady)
    {
        var strategy = workload.Spec["strategy"]!;
        Assert.Equal("RollingUpdate", (string?)strategy["type"]);
        Assert.Equal(0L, (long)strategy["rollingUpdate"]!["maxUnavailable"]!);
        Assert.Equal(1L, (long)strategy["rollingUpdate"]!["maxSurge"]!);
        var minReadySeconds = (long?)workload.Spec["minReadySeconds"] ?? 0;
        Assert.True(minReadySeconds >= minReady.TotalSeconds, $"minReadySeconds {minReadySeconds} is shorter than {minReady}");
    }

    /// <summary>Readiness on /health/ready and liveness on /health/live, on the port named http, which is <paramref name="httpPort"/>.</summary>
    public static void ProbesHealth(Workload workload, long httpPort)
    {
        Assert.Equal(httpPort, workload.Port("http"));
        AssertProbe(workload.Container["readinessProbe"], "/health/ready");
        AssertProbe(workload.Container["livenessProbe"], "/health/live");
    }

    /// <summary>A preStop pause, and a grace period longer than the pause plus the host's shutdown timeout.</summary>
    public static void StopsGracefully(Workload workload)
    {
        var command = workload.Container["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal("sleep", command[0]);
        var pause = TimeSpan.FromSeconds(double.Parse(command[1], CultureInfo.InvariantCulture));
        var grace = TimeSpan.FromSeconds((long)workload.Pod["terminationGracePeriodSeconds"]!);
        Assert.True(grace > pause + HostShutdown.Timeout,
            $"terminationGracePeriodSeconds ({grace}) must exceed the preStop pause ({pause}) plus the host's shutdown timeout ({HostShutdown.Timeout})");
    }

    public static void HasRequestsAndLimits(Workload workload)
    {
        var resources = workload.Container["resources"]!;
        foreach (var kind in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.False(string.IsNullOrEmpty(resources[kind]?[resource]?.ToString()), $"no {kind}.{resource}");
            }
        }
    }

    /// <summary>Pod anti-affinity by node over the Deployment's own pods.</summary>
    public static void SpreadsOverNodes(Workload workload)
    {
        var terms = workload.Pod["affinity"]!["podAntiAffinity"]!["preferredDuringSchedulingIgnoredDuringExecution"]!.AsArray()
            .Select(t => t!["podAffinityTerm"]!).ToList();
        Assert.Contains(terms, t => (string?)t["topologyKey"] == "kubernetes.io/hostname" && workload.Selects(t["labelSelector"]!));
    }

    /// <summary>Non-root, as the image's USER, so runAsNonRoot holds for the image as built.</summary>
    public static void RunsAsTheImagesUser(Workload workload)
    {
        var image = Dockerfile.Parse(Repository.Read("silo.Dockerfile"));
        var user = long.Parse(image.InStage(image.FinalStage, "USER").Last().Arguments, CultureInfo.InvariantCulture);
        Assert.True((bool)workload.Pod["securityContext"]!["runAsNonRoot"]!);
        Assert.Equal(user, (long)workload.Pod["securityContext"]!["runAsUser"]!);
    }

    /// <summary>A PodDisruptionBudget and an autoscaler for the Deployment.</summary>
    public static void HasBudgetAndAutoscaler(Manifests manifests, Workload workload)
    {
        var name = Manifests.Name(workload.Deployment);
        var budget = manifests.OfKind("PodDisruptionBudget").Single(p => workload.Selects(p["spec"]!["selector"]!));
        Assert.True(budget["spec"]!["maxUnavailable"] is not null || budget["spec"]!["minAvailable"] is not null, "the PodDisruptionBudget bounds nothing");

        var autoscaler = manifests.OfKind("HorizontalPodAutoscaler").Single(h => (string?)h["spec"]!["scaleTargetRef"]!["name"] == name);
        Assert.Equal("autoscaling/v2", (string?)autoscaler["apiVersion"]);
        Assert.Equal("Deployment", (string?)autoscaler["spec"]!["scaleTargetRef"]!["kind"]);
        Assert.Equal((long)workload.Spec["replicas"]!, (long)autoscaler["spec"]!["minReplicas"]!);
        Assert.True((long)autoscaler["spec"]!["maxReplicas"]! > (long)autoscaler["spec"]!["minReplicas"]!);
    }

    private static void AssertProbe(JsonNode? probe, string path)
    {
        Assert.NotNull(probe);
        Assert.Equal(path, (string?)probe["httpGet"]!["path"]);
        Assert.Equal("http", (string?)probe["httpGet"]!["port"]);
    }
}
