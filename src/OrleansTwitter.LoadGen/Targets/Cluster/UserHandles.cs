using System.Globalization;

namespace OrleansTwitter.LoadGen.Targets.Cluster;

/// <summary>
/// The workload's users as the product names them (handle <c>u{n}</c>), and the way back from
/// what a timeline read returns to the workload's numbers: the product assigns tweet ids of its
/// own, but every body the workload writes starts with <c>u{author} #{workload id}:</c>
/// (<see cref="Workload.TweetText"/>), so a read can say which workload tweet an entry is.
/// </summary>
internal static class UserHandles
{
    public static string Of(int user) => "u" + user.ToString(CultureInfo.InvariantCulture);

    public static int UserOf(string handle) => int.Parse(handle.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The workload's id of the tweet whose body is <paramref name="body"/>.</summary>
    public static long WorkloadTweetId(string body)
    {
        var hash = body.IndexOf('#', StringComparison.Ordinal);
        var colon = hash < 0 ? -1 : body.IndexOf(':', hash);
        if (colon < 0)
        {
            throw new FormatException($"'{body}' is not a body the workload wrote: it has no '#id:'.");
        }

        return long.Parse(body.AsSpan(hash + 1, colon - hash - 1), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
