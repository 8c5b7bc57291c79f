namespace OrleansTwitter.Actors.Tests.Persistence;

/// <summary>A mutable state class, shaped like grain state usually is.</summary>
public sealed class TestState
{
    public string Text { get; set; } = string.Empty;

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];
}

/// <summary>A state the serializer rejects: it refers to itself.</summary>
public sealed class CyclicState
{
    public CyclicState? Next { get; set; }
}
