using System.Globalization;

namespace OrleansTwitter.Actors.Membership;

/// <summary>
/// A silo incarnation: where it listens for silo traffic, plus a generation that differs on
/// every start, so a restarted silo on the same endpoint is a different member.
/// </summary>
public readonly record struct SiloAddress(string Host, int Port, long Generation) : IComparable<SiloAddress>
{
    public string Endpoint => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A new generation for a silo starting now: strictly increasing per process, distinct across restarts.</summary>
    public static long NewGeneration(TimeProvider timeProvider) =>
        Math.Max(timeProvider.GetUtcNow().UtcTicks, Interlocked.Increment(ref s_lastGeneration));

    private static long s_lastGeneration;

    public int CompareTo(SiloAddress other)
    {
        var byHost = string.CompareOrdinal(Host, other.Host);
        if (byHost != 0)
        {
            return byHost;
        }

        var byPort = Port.CompareTo(other.Port);
        return byPort != 0 ? byPort : Generation.CompareTo(other.Generation);
    }

    /// <summary><c>host:port@generation</c>, the form used in keys and logs.</summary>
    public override string ToString() => $"{Endpoint}@{Generation.ToString(CultureInfo.InvariantCulture)}";

    public static SiloAddress Parse(string text)
    {
        var at = text.LastIndexOf('@');
        var colon = at < 0 ? -1 : text.LastIndexOf(':', at);
        if (at < 0 || colon < 0
            || !int.TryParse(text.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{text}' is not a silo address (host:port@generation).");
        }

        return new SiloAddress(text[..colon], port, generation);
    }
}
