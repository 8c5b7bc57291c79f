namespace OrleansTwitter.Hosting.Tests.Infrastructure;

/// <summary>Checks of the operator contract's error messages: hosts print them as one line that names the key.</summary>
internal static class OperatorMessages
{
    public static void AssertOneLineNaming(Exception exception, string key)
    {
        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.DoesNotContain('\r', exception.Message);
    }
}
