namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>Handles no other test uses: a prefix and random letters, 15 characters at most.</summary>
internal static class Handles
{
    public static string Next(string prefix)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefix.Length, 5);
        return prefix + Guid.NewGuid().ToString("N")[..(15 - prefix.Length)];
    }
}
