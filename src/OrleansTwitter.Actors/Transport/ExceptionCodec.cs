using System.Collections.Concurrent;
using System.Reflection;

namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// Exceptions cross the wire as a type name and a message. The receiver recreates the type
/// when it has it and the type has a (string message) constructor, so callers can catch
/// ArgumentException or InconsistentStateException as if the call were local; otherwise it
/// throws <see cref="RemoteGrainException"/> naming the original type.
/// </summary>
internal static class ExceptionCodec
{
    private static readonly ConcurrentDictionary<string, Func<string, Exception>?> s_factories = new(StringComparer.Ordinal);

    public static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>Recreates an exception; only on the error path, so reflection here costs nothing on calls.</summary>
    public static Exception Recreate(string typeName, string message)
    {
        var factory = s_factories.GetOrAdd(typeName, FindFactory);
        return factory?.Invoke(message) ?? new RemoteGrainException(typeName, message);
    }

    private static Func<string, Exception>? FindFactory(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(typeName, throwOnError: false))
            .FirstOrDefault(t => t is not null && typeof(Exception).IsAssignableFrom(t));
        var constructor = type?.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]);
        return constructor is null ? null : message => (Exception)constructor.Invoke([message]);
    }
}
