using System.Collections;

namespace OrleansTwitter.Contracts.Tests.Serialization;

/// <summary>
/// Compares a value with its round-tripped copy member by serialized member, and collections item
/// by item (record equality compares collections by reference, which a copy never matches).
/// </summary>
internal static class WireEquality
{
    public static void AssertSame(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: expected a {type}, got a {actual.GetType()}");
        if (expected is Exception exception)
        {
            Assert.True(exception.Message == ((Exception)actual).Message, $"{path}.Message: expected '{exception.Message}', got '{((Exception)actual).Message}'");
        }

        if (type.IsEnum)
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
            return;
        }

        if (type.GetCustomAttributes(typeof(GenerateSerializerAttribute), inherit: false).Length > 0)
        {
            foreach (var member in WireTypes.IdMembers(type))
            {
                AssertSame(WireTypes.ValueOf(member, expected), WireTypes.ValueOf(member, actual), $"{path}.{member.Name}");
            }

            return;
        }

        if (expected is IDictionary map)
        {
            var other = (IDictionary)actual;
            Assert.True(map.Count == other.Count, $"{path}: expected {map.Count} entries, got {other.Count}");
            foreach (DictionaryEntry entry in map)
            {
                Assert.True(other.Contains(entry.Key), $"{path}: the entry '{entry.Key}' is missing");
                AssertSame(entry.Value, other[entry.Key], $"{path}[{entry.Key}]");
            }

            return;
        }

        if (expected is IEnumerable items and not string)
        {
            var left = items.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}");
            for (var i = 0; i < left.Count; i++)
            {
                AssertSame(left[i], right[i], $"{path}[{i}]");
            }

            return;
        }

        Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
    }
}
