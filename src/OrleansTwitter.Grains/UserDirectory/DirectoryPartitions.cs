namespace OrleansTwitter.Grains.UserDirectory;

/// <summary>
/// How handles spread over directory partitions: by the first two characters of the lower-case
/// handle (a one-character handle has a partition of its own). A prefix of two or more
/// characters falls in exactly one partition; a one-character prefix in its own and the 37
/// two-character ones after it, read in handle order until the page is full.
/// </summary>
internal static class DirectoryPartitions
{
    /// <summary>The characters of a lower-case handle, in ordinal order: the order handles sort in.</summary>
    public const string KeyCharacters = "0123456789_abcdefghijklmnopqrstuvwxyz";

    public static string Of(string key) => key.Length <= 2 ? key : key[..2];

    /// <summary>The partitions a lower-case prefix can fall in, in handle order.</summary>
    public static IEnumerable<string> For(string prefixKey)
    {
        if (prefixKey.Length >= 2)
        {
            yield return prefixKey[..2];
            yield break;
        }

        yield return prefixKey;
        foreach (var c in KeyCharacters)
        {
            yield return string.Concat(prefixKey, c.ToString());
        }
    }
}
