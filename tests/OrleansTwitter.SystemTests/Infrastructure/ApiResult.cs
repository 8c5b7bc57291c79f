namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>What an API call returned, or why it failed.</summary>
internal sealed record ApiResult<T>(T? Result, string? Failure)
{
    public bool Ok => Failure is null;

    /// <summary>The result; throws with the failure when the call failed.</summary>
    public T Value => Ok ? Result! : throw new InvalidOperationException(Failure);
}
