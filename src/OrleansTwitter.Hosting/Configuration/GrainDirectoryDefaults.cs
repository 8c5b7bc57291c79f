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
/// partition over instead of dropping it: rolling upgrades and scale-in lose no entries.</para>
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
