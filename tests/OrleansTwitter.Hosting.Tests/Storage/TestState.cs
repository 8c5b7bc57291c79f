namespace OrleansTwitter.Hosting.Tests.Storage;

/// <summary>A mutable state class, shaped like grain state usually is.</summary>
public sealed class TestState
{
    public string Text { get; set; } = string.Empty;

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTimeOffset At { get; set; }
}
