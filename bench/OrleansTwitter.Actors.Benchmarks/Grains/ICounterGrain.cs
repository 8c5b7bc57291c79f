using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Benchmarks.Grains;

/// <summary>The smallest useful grain call: a little state changed, a value returned.</summary>
internal interface ICounterGrain : IGrainWithIntegerKey
{
    Task<int> IncrementAsync(int by);
}
