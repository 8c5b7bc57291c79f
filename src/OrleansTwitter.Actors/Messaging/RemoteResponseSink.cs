using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>Sends a request's outcome back over the connection it came in on.</summary>
internal sealed class RemoteResponseSink(Connection connection, long requestId, GrainRequest? request, ILogger logger) : IResponseSink
{
    private int _answered;

    public void Complete(object? result)
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
        {
            return;
        }

        EncodedFrame frame;
        try
        {
            // State, not a closure: no allocation per response beyond the frame's pooled buffer.
            frame = request is null
                ? EncodedFrame.Encode(requestId, static (w, id) => MessageCodec.WriteError(w, id, new InvalidOperationException("A response without its request cannot be encoded.")))
                : EncodedFrame.Encode((requestId, request, result), static (w, s) => MessageCodec.WriteResponse(w, s.requestId, s.request, s.result));
        }
        catch (Exception exception) when (exception is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            // The result cannot cross the wire: the caller gets an error that names the type.
            frame = ErrorFrame(new NotSupportedException($"The result of {request} ({result?.GetType().FullName ?? "null"}) cannot be serialized: {exception.Message}"));
        }

        Send(frame);
    }

    public void Fail(Exception exception)
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0)
        {
            Send(ErrorFrame(exception));
        }
    }

    /// <summary>Refuses the request before it ran, so the caller may safely send it again elsewhere.</summary>
    public void Reject(string reason)
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0)
        {
            Send(EncodedFrame.Encode((requestId, reason), static (w, s) => MessageCodec.WriteRejection(w, s.requestId, s.reason)));
        }
    }

    private EncodedFrame ErrorFrame(Exception error) =>
        EncodedFrame.Encode((requestId, error), static (w, s) => MessageCodec.WriteError(w, s.requestId, s.error));

    private void Send(EncodedFrame frame) => _ = SendAsync(frame);

    private async Task SendAsync(EncodedFrame frame)
    {
        try
        {
            await connection.SendAsync(frame);
        }
        catch (IOException exception)
        {
            // The caller's connection is gone; its side fails the call when it sees the loss.
            TransportLog.ConnectionFailed(logger, exception, connection.Description);
        }
    }
}
