namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>The record the contenders increment; the same shape as the contender tool's.</summary>
public sealed class Counter
{
    public int Value { get; set; }
}
