using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>Fails in the ways callers must see clearly.</summary>
public interface IFaultyGrain : IGrainWithGuidKey
{
    Task ThrowAsync(string message);

    /// <summary>Throws before returning a task at all.</summary>
    Task<int> ThrowSynchronously(string message);

    /// <summary>Never completes.</summary>
    Task HangAsync();

    ValueTask<int> AddAsync(int a, int b);
}

public sealed class FaultyGrainException(string message) : Exception(message);

/// <summary>Fails activation while the journal says so.</summary>
public interface IActivationFailureGrain : IGrainWithStringKey
{
    Task<string> PingAsync();
}
