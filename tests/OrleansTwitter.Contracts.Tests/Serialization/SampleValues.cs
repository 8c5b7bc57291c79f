using System.Collections.Immutable;
using System.Reflection;

namespace OrleansTwitter.Contracts.Tests.Serialization;

/// <summary>
/// Makes an instance of a wire type with a value in every serialized member that differs from the
/// member's default, so that a member the serializer drops shows up as a difference.
/// </summary>
internal static class SampleValues
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2));

    public static object Create(Type type, int seed = 1)
    {
        if (type.IsEnum)
        {
            return Value(type, seed);
        }

        if (typeof(Exception).IsAssignableFrom(type))
        {
            var exception = (Exception)Activator.CreateInstance(type, $"sample failure {seed}")!;
            FillIdMembers(exception, seed);
            return exception;
        }

        // Records: the constructor that takes every serialized member.
        var constructor = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .OrderByDescending(c => c.GetParameters().Length)
            .First();
        var parameters = constructor.GetParameters();
        if (parameters.Length > 0)
        {
            return constructor.Invoke([.. parameters.Select((p, i) => Value(p.ParameterType, seed + i))]);
        }

        var instance = Activator.CreateInstance(type, nonPublic: true)!;
        FillIdMembers(instance, seed);
        return instance;
    }

    private static void FillIdMembers(object instance, int seed)
    {
        foreach (var (member, i) in WireTypes.IdMembers(instance.GetType()).Select((m, i) => (m, i)))
        {
            switch (member)
            {
                case PropertyInfo property:
                    property.SetValue(instance, Value(property.PropertyType, seed + i));
                    break;
                case FieldInfo field:
                    field.SetValue(instance, Value(field.FieldType, seed + i));
                    break;
            }
        }
    }

    private static object Value(Type type, int seed)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Value(underlying, seed);
        }

        if (type == typeof(string))
        {
            return $"Sample{seed}";
        }

        if (type == typeof(int))
        {
            return 40 + seed;
        }

        if (type == typeof(long))
        {
            return 123_456_789_012L + seed;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return Instant.AddMinutes(seed);
        }

        if (type == typeof(TweetId))
        {
            return TweetId.Create(1_000_000 + seed, nodeId: 7, sequence: seed);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var (key, value) = (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
            var map = (System.Collections.IDictionary)Activator.CreateInstance(type)!;
            map[Value(key, seed)] = Value(value, seed);
            map[Value(key, seed + 1)] = Value(value, seed + 1);
            return map;
        }

        if (type.IsGenericType && ElementOf(type) is { } element)
        {
            var items = Array.CreateInstance(element, 2);
            items.SetValue(Value(element, seed), 0);
            items.SetValue(Value(element, seed + 1), 1);
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(ImmutableArray<>))
            {
                return typeof(ImmutableArray).GetMethods()
                    .Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
                    .MakeGenericMethod(element)
                    .Invoke(null, [items])!;
            }

            // List<T> is what the grains put behind IReadOnlyList<T> and IList<T>.
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(element), items)!;
        }

        if (type.GetCustomAttribute<GenerateSerializerAttribute>(inherit: false) is not null)
        {
            return Create(type, seed);
        }

        throw new NotSupportedException($"No sample value for {type}: teach {nameof(SampleValues)} this member type.");
    }

    private static Type? ElementOf(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(ImmutableArray<>) || definition == typeof(List<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(IList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
