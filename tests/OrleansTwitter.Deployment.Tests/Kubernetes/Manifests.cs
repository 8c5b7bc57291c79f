using System.Text.Json.Nodes;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>The resources one overlay renders, looked up by kind and name.</summary>
internal sealed class Manifests(IReadOnlyList<JsonObject> resources)
{
    public IReadOnlyList<JsonObject> Resources { get; } = resources;

    public IEnumerable<JsonObject> OfKind(string kind) => Resources.Where(r => Kind(r) == kind);

    public JsonObject Single(string kind, string name)
    {
        var found = OfKind(kind).Where(r => Name(r) == name).ToList();
        Assert.True(found.Count == 1, $"expected one {kind} {name}, found {found.Count} among: {string.Join(", ", Resources.Select(r => $"{Kind(r)}/{Name(r)}"))}");
        return found[0];
    }

    /// <summary>A generated resource (ConfigMap, Secret): its name is the generator's plus a content hash.</summary>
    public JsonObject? Generated(string kind, string name) =>
        OfKind(kind).SingleOrDefault(r => Name(r) == name || Name(r).StartsWith(name + "-", StringComparison.Ordinal));

    public static string Kind(JsonObject resource) => (string)resource["kind"]!;

    public static string Name(JsonObject resource) => (string)resource["metadata"]!["name"]!;

    public static string? Namespace(JsonObject resource) => (string?)resource["metadata"]!["namespace"];
}
