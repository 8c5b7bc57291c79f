using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>Applies a response, error or rejection frame to the call waiting for it, in a silo or a client alike.</summary>
internal static class ResponseFrames
{
    /// <summary>
    /// True when <paramref name="frame"/> answers a call: it completed, failed or refused the
    /// call still waiting, or was dropped because nobody waits any more (the call timed out).
    /// </summary>
    public static bool TryApply(PendingCallRegistry calls, InboundFrame frame)
    {
        if (frame.Kind is not (FrameKind.Response or FrameKind.Error or FrameKind.Rejection))
        {
            return false;
        }

        if (calls.TryGet(frame.Id, out var call))
        {
            switch (frame.Kind)
            {
                case FrameKind.Response:
                    call.Complete(frame.Result);
                    break;
                case FrameKind.Error:
                    call.Fail(ExceptionCodec.Recreate(frame.ErrorType ?? typeof(Exception).FullName!, frame.ErrorMessage ?? string.Empty));
                    break;
                default:
                    call.Reject(frame.ErrorMessage ?? "refused");
                    break;
            }
        }

        return true;
    }
}
