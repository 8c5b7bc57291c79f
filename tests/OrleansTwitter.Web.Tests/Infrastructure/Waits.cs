using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>How long the web tests wait for something asynchronous: a fan-out, a stream's event, a silo declared dead.</summary>
internal static class Waits
{
    /// <summary>10 s, half of <see cref="Eventually.DefaultTimeout"/>: what these tests wait for comes within about a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
}
