using System.Text.Json.Nodes;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>A rendered Deployment's pod template and its one container, for the assertions the silo and web tests share.</summary>
internal sealed class Workload(JsonObject deployment)
{
    public JsonObject Deployment { get; } = deployment;

    public JsonObject Spec => Deployment["spec"]!.AsObject();

    public JsonObject Pod => Spec["template"]!["spec"]!.AsObject();

    public JsonObject PodLabels => Spec["template"]!["metadata"]!["labels"]!.AsObject();

    public JsonObject Container => Pod["containers"]!.AsArray().Single()!.AsObject();

    public IEnumerable<JsonObject> Env => (Container["env"]?.AsArray() ?? []).Select(e => e!.AsObject());

    /// <summary>The containerPort of the port called <paramref name="name"/>.</summary>
    public long Port(string name) => (long)Container["ports"]!.AsArray().Single(p => (string?)p!["name"] == name)!["containerPort"]!;

    /// <summary>The names of the ConfigMaps or Secrets the container takes its environment from.</summary>
    public IEnumerable<string> EnvFrom(string reference) =>
        Container["envFrom"]!.AsArray().Select(e => e![reference]).OfType<JsonNode>().Select(r => (string)r["name"]!);

    /// <summary>True when <paramref name="selector"/>'s matchLabels all hold on the pod template's labels.</summary>
    public bool Selects(JsonNode selector) => selector["matchLabels"]!.AsObject()
        .All(l => (string?)PodLabels[l.Key] == (string?)l.Value);
}
