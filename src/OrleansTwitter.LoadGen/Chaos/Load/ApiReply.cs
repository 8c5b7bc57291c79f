using System.Text.Json;

namespace OrleansTwitter.LoadGen.Chaos.Load;

/// <summary>What one API request got: the body of the expected status, or why it failed (another status, a timeout, a refused connection).</summary>
internal sealed record ApiReply(JsonElement Body, string? Failure)
{
    public bool Ok => Failure is null;

    /// <summary>The body; throws with the failure when the request failed (for set-up steps, which must succeed).</summary>
    public JsonElement Value => Ok ? Body : throw new InvalidOperationException(Failure);
}
