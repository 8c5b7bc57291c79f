namespace OrleansTwitter.LoadGen.Chirper;

/// <summary>One silo's managed heap after a full, compacting collection.</summary>
/// <param name="Silo">The silo that measured (its address), so readings of each silo can be told apart.</param>
/// <param name="HeapBytes">Bytes in use on its managed heap.</param>
[GenerateSerializer, Immutable, Alias("bench.HeapReading")]
internal sealed record HeapReading([property: Id(0)] string Silo, [property: Id(1)] long HeapBytes);
