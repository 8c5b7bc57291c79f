namespace OrleansTwitter.Actors.Messaging;

/// <summary>Receives the outcome of one request. Only the first outcome counts.</summary>
internal interface IResponseSink
{
    void Complete(object? result);

    void Fail(Exception exception);

    /// <summary>
    /// The request was refused before it ran (this silo no longer owns the grain, or is
    /// shutting down), so sending it again elsewhere cannot duplicate a side effect.
    /// </summary>
    void Reject(string reason);
}
