using OrleansTwitter.Actors.Generator.Model;

namespace OrleansTwitter.Actors.Generator.Emitting;

/// <summary>Emits the file of one grain interface: its proxy and one request class per method.</summary>
internal static class InterfaceEmitter
{
    public static string HintName(InterfaceModel model) => model.TypePrefix + ".g.cs";

    public static string Emit(InterfaceModel model)
    {
        // Generated types are no more visible than the interface they serve.
        var accessibility = model.IsPublic ? "public" : "internal";
        var writer = GeneratedFile.Begin();
        writer.Open($"namespace {GeneratedFile.Namespace}");
        ProxyEmitter.Emit(writer, model, accessibility);
        foreach (var method in model.Methods)
        {
            writer.Line();
            RequestEmitter.Emit(writer, method, accessibility);
        }

        writer.Close();
        return writer.ToString();
    }
}
