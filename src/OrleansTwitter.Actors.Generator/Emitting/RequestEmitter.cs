using System.Linq;
using OrleansTwitter.Actors.Generator.Model;
using OrleansTwitter.Actors.Generator.Reading;

namespace OrleansTwitter.Actors.Generator.Emitting;

/// <summary>Emits the GrainRequest subclass of one grain method.</summary>
internal static class RequestEmitter
{
    private const string Json = GeneratedFile.Json;
    private const string TokenType = Json + ".JsonTokenType";

    public static void Emit(CodeWriter writer, MethodModel method, string accessibility)
    {
        GeneratedFile.TypeAttributes(writer);
        // Methods with a result get the typed base, which boxes only for calls that need it.
        var baseClass = method.ResultType.Length > 0
            ? $"global::OrleansTwitter.Actors.Messaging.GrainRequest<{method.ResultType}>"
            : "global::OrleansTwitter.Actors.Messaging.GrainRequest";
        writer.Open($"{accessibility} sealed class {method.RequestClassName} : {baseClass}");
        var count = method.Parameters.Length;
        var elements = count == 1 ? "1 element" : $"{count} elements";
        writer.Line($"private const string ArgumentsShape = {Identifiers.StringLiteral($"Grain call {method.DeclaringInterfaceName}.{method.Name} expects its arguments as a JSON array of {elements}")};");
        writer.Line();
        for (var i = 0; i < count; i++)
        {
            writer.Line($"public {method.Parameters[i].Type} Arg{i} = default!;");
        }

        if (count > 0)
        {
            writer.Line();
        }

        writer.Line($"public override int InterfaceId => {Identifiers.IntLiteral(method.InterfaceId)};");
        writer.Line();
        writer.Line($"public override int MethodId => {Identifiers.IntLiteral(method.MethodId)};");
        writer.Line();
        writer.Line($"public override string InterfaceName => {Identifiers.StringLiteral(method.DeclaringInterfaceName)};");
        writer.Line();
        writer.Line($"public override string MethodName => {Identifiers.StringLiteral(method.Name)};");
        writer.Line();
        if (method.AlwaysInterleave)
        {
            writer.Line("public override bool AlwaysInterleave => true;");
            writer.Line();
        }

        EmitInvoke(writer, method);
        writer.Line();
        EmitWriteArguments(writer, method);
        writer.Line();
        EmitReadArguments(writer, method);
        writer.Line();
        EmitResult(writer, method);
        writer.Close();
    }

    private static void EmitInvoke(CodeWriter writer, MethodModel method)
    {
        var arguments = string.Join(", ", Enumerable.Range(0, method.Parameters.Length).Select(i => $"Arg{i}"));

        // '!' because a method may declare its task nullable (Task<T>?); a grain that really
        // returns null fails the call with an exception, which then reaches the caller.
        var call = $"(({method.DeclaringInterface})grain).{method.CallName}({arguments})!";
        switch (method.ReturnKind)
        {
            case ReturnKind.TaskOfT:
                writer.Line($"public override global::System.Threading.Tasks.ValueTask<{method.ResultType}> InvokeTypedAsync(object grain) =>");
                writer.Indent().Line($"new({call});").Outdent();
                return;
            case ReturnKind.ValueTaskOfT:
                writer.Line($"public override global::System.Threading.Tasks.ValueTask<{method.ResultType}> InvokeTypedAsync(object grain) =>");
                writer.Indent().Line($"{call};").Outdent();
                return;
        }

        var adapter = method.ReturnKind == ReturnKind.Task ? "FromTask" : "FromValueTask";
        writer.Line("public override global::System.Threading.Tasks.ValueTask<object?> InvokeAsync(object grain) =>");
        writer.Indent().Line($"{adapter}({call});").Outdent();
    }

    private static void EmitWriteArguments(CodeWriter writer, MethodModel method)
    {
        writer.Open($"public override void WriteArguments({Json}.Utf8JsonWriter writer, {Json}.JsonSerializerOptions options)");
        writer.Line("writer.WriteStartArray();");
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            // The declared type, not the runtime type, decides the shape on the wire.
            writer.Line($"{Json}.JsonSerializer.Serialize<{method.Parameters[i].Type}>(writer, Arg{i}, options);");
        }

        writer.Line("writer.WriteEndArray();");
        writer.Close();
    }

    // The reader starts on the array's StartArray token and must end on its EndArray token.
    private static void EmitReadArguments(CodeWriter writer, MethodModel method)
    {
        writer.Open($"public override void ReadArguments(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)");
        writer.Open($"if (reader.TokenType != {TokenType}.StartArray)");
        writer.Line($"throw new {Json}.JsonException(ArgumentsShape + \", but the JSON value is not an array.\");");
        writer.Close();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            writer.Line();
            writer.Open($"if (!reader.Read() || reader.TokenType == {TokenType}.EndArray)");
            writer.Line($"throw new {Json}.JsonException(ArgumentsShape + \", but the array has fewer elements.\");");
            writer.Close();
            writer.Line();
            writer.Line($"Arg{i} = {Json}.JsonSerializer.Deserialize<{method.Parameters[i].Type}>(ref reader, options)!;");
        }

        writer.Line();
        writer.Open($"if (!reader.Read() || reader.TokenType != {TokenType}.EndArray)");
        writer.Line($"throw new {Json}.JsonException(ArgumentsShape + \", but the array has more elements.\");");
        writer.Close();
        writer.Close();
    }

    private static void EmitResult(CodeWriter writer, MethodModel method)
    {
        var writeSignature = $"public override void WriteResult({Json}.Utf8JsonWriter writer, object? result, {Json}.JsonSerializerOptions options)";
        var readSignature = $"public override object? ReadResult(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)";
        if (method.ResultType.Length > 0)
        {
            writer.Line(writeSignature + " =>");
            writer.Indent().Line($"{Json}.JsonSerializer.Serialize<{method.ResultType}>(writer, ({method.ResultType})result!, options);").Outdent();
            writer.Line();
            writer.Line(readSignature + " =>");
            writer.Indent().Line($"{Json}.JsonSerializer.Deserialize<{method.ResultType}>(ref reader, options);").Outdent();
            return;
        }

        writer.Line(writeSignature + " =>");
        writer.Indent().Line("writer.WriteNullValue();").Outdent();
        writer.Line();

        // A void result is written as null, but whatever value is there is skipped, so the
        // reader ends on the value's last token as JsonSerializer.Deserialize would leave it.
        writer.Open(readSignature);
        writer.Open("if (!reader.TrySkip())");
        var message = $"The result of grain call {method.DeclaringInterfaceName}.{method.Name} is incomplete JSON.";
        writer.Line($"throw new {Json}.JsonException({Identifiers.StringLiteral(message)});");
        writer.Close();
        writer.Line();
        writer.Line("return null;");
        writer.Close();
    }
}
