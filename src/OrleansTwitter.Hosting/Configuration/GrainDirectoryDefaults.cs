using Orleans.Configuration;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>
/// The grain directory we ship: Orleans' distributed directory instead of its default one, with
/// no lease on a dead silo's grains. <c>Orleans:GrainDirectory:*</c> is bound after these.
/// </summary>
/// <remarks>
/// <para>With Orleans' default directory, the silos that survive a crash deactivate every
/// activation whose directory entry the dead silo held, because that partition is gone: after a
/// SIGKILL of one of three silos, the two survivors deactivated about 210 grains (chaos kill, 2026-12-06),
/// each writing its state and activating again on its next call. On 2 cores that storm held
/// requests for over 5 s. The distributed directory recovers a crashed silo's partition by asking
/// the survivors what they host, so their activations stay, and a graceful shutdown hands its
/// partition over instead of dropping it: rolling upgrades and scale-in lose no entries. It also
/// keeps one activation per grain while silos come and go, where the default directory briefly
/// allowed two (user-tweets writes met another activation's record, 412, during upgrades). Two
/// activations of one user are the likeliest cause we found of an author's own acknowledged
/// tweet missing from its home timeline after a chaos scale run with the default directory.</para>
/// <para>Measured with dynamic PGO off (2026-12-06, 300 requests/s on 2 cores): rolling upgrades
/// failed 85 and 0 requests (the default directory: 2,503 and 65), scale 1 and 0, kill 0,
/// a Redis restart 0, and no run lost a tweet. It was tried once before, with PGO on, and
/// undone: each new silo then spent 15-35 s starting, and rolling failed 1,878-1,950 requests
/// with it against 365-1,321 without (docs/operations.md, "The grain directory").</para>
/// <para><see cref="GrainDirectoryOptions.RangeLeaseDuration"/> is zero: by default the directory
/// refuses to place a crashed silo's grains again until 30 s after the crash, in case the silo is
/// not dead but cut off. Our state writes carry ETags, so such a duplicate's write fails instead of
/// overwriting newer state (DESIGN.md, single activation), and the 30 s wait would fail every
/// call to those grains for that long.</para>
/// </remarks>
public static class GrainDirectoryDefaults
{
    /// <summary>How long a crashed silo's grains may not be placed again; zero turns the lease off.</summary>
    public static readonly TimeSpan RangeLeaseDuration = TimeSpan.Zero;

    public static void Apply(GrainDirectoryOptions options) => options.RangeLeaseDuration = RangeLeaseDuration;
}
