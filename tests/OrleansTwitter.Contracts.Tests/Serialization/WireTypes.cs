using System.Reflection;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Contracts.Tests.Serialization;

/// <summary>
/// What crosses a process: every type the assemblies mark <see cref="GenerateSerializerAttribute"/>,
/// and every grain interface. Found by reflection, so a type added later is checked without being listed.
/// </summary>
internal static class WireTypes
{
    /// <summary>The assemblies whose types go between silos and clients: the contracts and the grains.</summary>
    public static readonly Assembly[] Assemblies = [typeof(Tweet).Assembly, typeof(TimelineOptions).Assembly];

    public static IEnumerable<Type> Serializable =>
        Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>(inherit: false) is not null);

    /// <summary>Interfaces that grains, grain services or observers implement (Orleans addresses them by alias).</summary>
    public static IEnumerable<Type> GrainInterfaces =>
        Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t));

    /// <summary>The members Orleans serializes: those carrying an <see cref="IdAttribute"/>, in id order.</summary>
    public static IReadOnlyList<MemberInfo> IdMembers(Type type) =>
        [.. type.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(m => m is FieldInfo or PropertyInfo && m.GetCustomAttribute<IdAttribute>() is not null)
            .OrderBy(m => m.GetCustomAttribute<IdAttribute>()!.Id)];

    public static object? ValueOf(MemberInfo member, object instance) => member switch
    {
        FieldInfo field => field.GetValue(instance),
        PropertyInfo property => property.GetValue(instance),
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "A field or a property."),
    };
}
