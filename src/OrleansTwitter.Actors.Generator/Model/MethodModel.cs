namespace OrleansTwitter.Actors.Generator.Model;

/// <summary>One callable grain method, as seen from the interface being generated.</summary>
/// <param name="Name">The method name as declared (no @), for MethodName and messages.</param>
/// <param name="CallName">The method name escaped for use in code.</param>
/// <param name="DeclaringInterface">The declaring interface, global::-qualified.</param>
/// <param name="DeclaringInterfaceName">The declaring interface's full name without global::.</param>
/// <param name="InterfaceId">The declaring interface's id.</param>
/// <param name="MethodId">The hash of the method's name and parameter types.</param>
/// <param name="ReturnKind">Which of the four awaitable types it returns.</param>
/// <param name="ReturnType">The declared return type, global::-qualified with annotations.</param>
/// <param name="ResultType">T of Task&lt;T&gt; or ValueTask&lt;T&gt;; empty for Task and ValueTask.</param>
/// <param name="AlwaysInterleave">Whether the method carries [AlwaysInterleave].</param>
/// <param name="Parameters">Its parameters, in order.</param>
/// <param name="RequestClassName">The generated request class (in the Generated namespace).</param>
internal sealed record MethodModel(
    string Name,
    string CallName,
    string DeclaringInterface,
    string DeclaringInterfaceName,
    int InterfaceId,
    int MethodId,
    ReturnKind ReturnKind,
    string ReturnType,
    string ResultType,
    bool AlwaysInterleave,
    EquatableArray<ParameterModel> Parameters,
    string RequestClassName);
