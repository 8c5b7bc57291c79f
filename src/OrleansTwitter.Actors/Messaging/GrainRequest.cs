using System.Text.Json;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// One call to one grain method, with its arguments. The source generator emits a sealed
/// subclass per grain interface method; the runtime never inspects arguments by reflection.
/// Inside a silo a request is passed by reference: arguments are immutable by contract and
/// are neither copied nor serialized.
/// </summary>
public abstract class GrainRequest
{
    /// <summary>Stable id of the interface that declares the method (a hash of its full name).</summary>
    public abstract int InterfaceId { get; }

    /// <summary>Stable id of the method (a hash of its name and parameter types).</summary>
    public abstract int MethodId { get; }

    /// <summary>The declaring interface's full name, for errors and call chains.</summary>
    public abstract string InterfaceName { get; }

    /// <summary>The method's name, for errors and call chains.</summary>
    public abstract string MethodName { get; }

    /// <summary>True when the method carries <c>[AlwaysInterleave]</c>.</summary>
    public virtual bool AlwaysInterleave => false;

    /// <summary>Calls the method on <paramref name="grain"/> and returns its result, boxed.</summary>
    public abstract ValueTask<object?> InvokeAsync(object grain);

    /// <summary>Writes the arguments as a JSON array, for calls that cross a process.</summary>
    public abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads the arguments written by <see cref="WriteArguments"/>.</summary>
    public abstract void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes a result returned by <see cref="InvokeAsync"/> (null for void methods).</summary>
    public abstract void WriteResult(Utf8JsonWriter writer, object? result, JsonSerializerOptions options);

    /// <summary>Reads a result written by <see cref="WriteResult"/>.</summary>
    public abstract object? ReadResult(ref Utf8JsonReader reader, JsonSerializerOptions options);

    public override string ToString() => $"{InterfaceName}.{MethodName}";

    // Adapters used by the generated InvokeAsync overrides of methods without a result
    // (methods with one derive from GrainRequest<TResult>). A completed task is unwrapped
    // synchronously so that the common, synchronous grain method costs no extra state machine.
    protected static ValueTask<object?> FromTask(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return new ValueTask<object?>((object?)null);
        }

        return AwaitTask(task);

        static async ValueTask<object?> AwaitTask(Task task)
        {
            await task;
            return null;
        }
    }

    protected static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return new ValueTask<object?>((object?)null);
        }

        return AwaitTask(task);

        static async ValueTask<object?> AwaitTask(ValueTask task)
        {
            await task;
            return null;
        }
    }
}
