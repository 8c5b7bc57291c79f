namespace OrleansTwitter.Actors.Messaging;

/// <summary>Receives the outcome of one request. Only the first outcome counts.</summary>
internal interface IResponseSink
{
    void Complete(object? result);

    void Fail(Exception exception);
}
