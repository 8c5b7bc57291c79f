namespace OrleansTwitter.LoadGen.Chirper;

/// <summary>
/// What a Chirper user keeps in grain storage: whom to call when it posts. Its timeline stays in
/// memory, as the product's does; Chirper's sample also writes the received list on every
/// delivery, which this benchmark leaves out so that Chirper is compared at its fastest.
/// </summary>
internal sealed class ChirperState
{
    /// <summary>Storage name of the state, in the silo's "Default" grain storage.</summary>
    public const string Name = "chirper";

    public int[] Followers { get; set; } = [];
}
