namespace OrleansTwitter.Actors.Tests.Transport;

/// <summary>
/// The read loop hands frames on with an empty execution context, whatever the context of
/// the code that started it: turns it starts must not inherit (and keep alive) the AsyncLocals
/// of whoever happened to open the connection.
/// </summary>
[Trait("Category", "Transport")]
public sealed class ConnectionReadContextTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly AsyncLocal<string?> s_opener = new();

    [Fact]
    public async Task Frames_are_handed_on_without_the_async_locals_of_the_code_that_started_reading()
    {
        var peer = new PipePeer();
        var seen = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        s_opener.Value = "the caller that opened the connection";
        var running = peer.Connection.RunAsync((_, frame) => seen.TrySetResult(s_opener.Value ?? $"nothing (frame {frame.Id})"));

        // Still set here: the loop did not clear it by changing this flow's context.
        Assert.Equal("the caller that opened the connection", s_opener.Value);
        await peer.SendToConnectionAsync(PipePeer.Ping(7));

        Assert.Equal("nothing (frame 7)", await seen.Task.WaitAsync(Wait));
        peer.EndInput();
        await running.WaitAsync(Wait);
    }
}
