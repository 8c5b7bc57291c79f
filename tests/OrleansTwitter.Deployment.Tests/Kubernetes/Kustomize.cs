using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OrleansTwitter.Deployment.Tests.Infrastructure;
using OrleansTwitter.Testing.Processes;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>
/// Renders a kustomization under k8s/ with <c>kubectl kustomize</c> (offline; ./test.sh installs
/// kubectl) and parses what it prints. Each overlay is rendered once per test run.
/// </summary>
internal static class Kustomize
{
    public const string Dev = "overlays/dev";
    public const string Prod = "overlays/prod";

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(60);
    private static readonly ConcurrentDictionary<string, Lazy<Task<Manifests>>> Rendered = new();

    public static Task<Manifests> RenderAsync(string kustomization) =>
        Rendered.GetOrAdd(kustomization, k => new Lazy<Task<Manifests>>(() => RunAsync(k))).Value;

    private static async Task<Manifests> RunAsync(string kustomization)
    {
        var path = Repository.PathOf(Path.Combine("k8s", kustomization));
        await using var kubectl = ChildProcess.Start($"kubectl kustomize {kustomization}", "kubectl", ["kustomize", path]);
        var exitCode = await kubectl.WaitForExitAsync(RenderTimeout);
        Assert.True(exitCode == 0, $"kubectl kustomize {kustomization} exited {exitCode}: {string.Join(Environment.NewLine, kubectl.ErrorLines)}");
        var yaml = string.Join('\n', kubectl.OutputLines);
        return new Manifests(YamlDocuments.Parse(yaml).Cast<JsonObject>().ToList());
    }
}
