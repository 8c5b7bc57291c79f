namespace OrleansTwitter.FileStorageContender;

/// <summary>The record the contenders increment.</summary>
internal sealed class Counter
{
    public int Value { get; set; }
}
