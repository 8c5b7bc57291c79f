using System.Net.Sockets;
using System.Text.Json;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Transport;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// A silo that does not own a request's grain forwards it, but only while it has been
/// forwarded fewer than <see cref="InboundFrameHandler.MaxForwards"/> times: views that
/// disagree must not bounce a request between silos until its deadline.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ForwardLimitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_request_already_forwarded_twice_is_refused_with_the_reason_and_one_forwarded_once_is_forwarded()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var owner = cluster.Silos[0];
        var notOwner = cluster.Silos[1];
        var target = new GrainId("clusterprobe", ClusterTestKeys.OwnedBy(owner, "clusterprobe", "forward-limit"));
        Assert.True(notOwner.Silo.Manifest.TryGetInterface(typeof(IClusterProbeGrain), out var probe));
        var get = probe.Methods.Single(m => m.Name == nameof(IClusterProbeGrain.GetAsync));

        // Speak the silo protocol directly, as a silo whose view sent the request on.
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", notOwner.Port);
        var stream = socket.GetStream();
        var pretender = new SiloAddress("127.0.0.1", 1, 1);
        await SendAsync(stream, EncodedFrame.Encode(pretender, static (w, s) => MessageCodec.WriteHello(w, s, null)));
        var deadline = DateTimeOffset.UtcNow + Wait;
        await SendAsync(stream, EncodedFrame.Encode((target, get, deadline), static (w, s) => MessageCodec.WriteRequest(w, 1, s.target, s.get.CreateRequest(), s.deadline, InboundFrameHandler.MaxForwards, null)));
        await SendAsync(stream, EncodedFrame.Encode((target, get, deadline), static (w, s) => MessageCodec.WriteRequest(w, 2, s.target, s.get.CreateRequest(), s.deadline, InboundFrameHandler.MaxForwards - 1, null)));

        var answers = new Dictionary<long, JsonElement>();
        while (answers.Count < 2)
        {
            var frame = await ReceiveAsync(stream).WaitAsync(Wait);
            answers[frame.GetProperty("id").GetInt64()] = frame;
        }

        Assert.Equal((int)FrameKind.Rejection, answers[1].GetProperty("k").GetInt32());
        Assert.Contains($"already forwarded {InboundFrameHandler.MaxForwards} times", answers[1].GetProperty("em").GetString(), StringComparison.Ordinal);
        Assert.Equal((int)FrameKind.Response, answers[2].GetProperty("k").GetInt32());
        Assert.Single(cluster.SilosHosting(target));
        Assert.True(owner.Silo.HasActivation(target));
    }

    private static async Task SendAsync(NetworkStream stream, EncodedFrame frame)
    {
        try
        {
            await stream.WriteAsync(frame.Buffer.AsMemory(0, frame.Length));
        }
        finally
        {
            frame.Release();
        }
    }

    private static async Task<JsonElement> ReceiveAsync(NetworkStream stream)
    {
        var header = new byte[4];
        await stream.ReadExactlyAsync(header);
        var payload = new byte[BitConverter.ToInt32(header)];
        await stream.ReadExactlyAsync(payload);
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.Clone();
    }
}
