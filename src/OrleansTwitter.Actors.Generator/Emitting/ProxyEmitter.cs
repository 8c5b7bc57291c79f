using System.Linq;
using OrleansTwitter.Actors.Generator.Model;

namespace OrleansTwitter.Actors.Generator.Emitting;

/// <summary>
/// Emits the GrainReference subclass that implements a grain interface. Members are explicit
/// interface implementations so that grain method names (ToString, InvokeAsync, GrainId...)
/// never clash with GrainReference's own.
/// </summary>
internal static class ProxyEmitter
{
    public static void Emit(CodeWriter writer, InterfaceModel model, string accessibility)
    {
        GeneratedFile.TypeAttributes(writer);
        writer.Open($"{accessibility} sealed class {model.ProxyName} : global::OrleansTwitter.Actors.Core.GrainReference, {model.GlobalName}");
        writer.Line($"public {model.ProxyName}(global::OrleansTwitter.Actors.Messaging.IGrainCallInvoker invoker, global::OrleansTwitter.Actors.Core.GrainId grainId)");
        writer.Indent().Line(": base(invoker, grainId)").Outdent();
        writer.Line("{");
        writer.Line("}");
        foreach (var method in model.Methods)
        {
            writer.Line();
            EmitMethod(writer, method);
        }

        writer.Close();
    }

    private static void EmitMethod(CodeWriter writer, MethodModel method)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{p.Type} {p.Name}"));
        writer.Open($"{method.ReturnType} {method.DeclaringInterface}.{method.CallName}({parameters})");

        // The local must not shadow a parameter of the same name.
        var request = "request";
        while (method.Parameters.Any(p => p.Name == request))
        {
            request = "_" + request;
        }

        writer.Line($"var {request} = new global::{GeneratedFile.Namespace}.{method.RequestClassName}();");
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            writer.Line($"{request}.Arg{i} = {method.Parameters[i].Name};");
        }

        writer.Line(method.ReturnKind switch
        {
            ReturnKind.Task => $"return base.InvokeAsync({request});",
            ReturnKind.TaskOfT => $"return base.InvokeAsync<{method.ResultType}>({request});",
            ReturnKind.ValueTask => $"return new global::System.Threading.Tasks.ValueTask(base.InvokeAsync({request}));",
            _ => $"return new global::System.Threading.Tasks.ValueTask<{method.ResultType}>(base.InvokeAsync<{method.ResultType}>({request}));",
        });
        writer.Close();
    }
}
