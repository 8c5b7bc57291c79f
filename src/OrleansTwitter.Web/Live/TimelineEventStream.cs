using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Diagnostics;
using OrleansTwitter.Web.Hosting;

namespace OrleansTwitter.Web.Live;

/// <summary>
/// One <c>GET /api/timeline/stream</c>: server-sent events, an event <c>tweet</c> per new
/// home-timeline entry, fed by a grain observer the user grain pushes to. It sends a heartbeat
/// comment every <see cref="WebOptions.HeartbeatInterval"/> and renews its subscription at the
/// same pace (<see cref="StreamSubscription"/>), and unsubscribes when the client goes away.
/// </summary>
internal sealed class TimelineEventStream(IClusterClient cluster, IOptions<WebOptions> options, IOptions<JsonOptions> json, TimeProvider timeProvider, ILogger<TimelineEventStream> logger)
{
    // How many recent entries a reconnecting client (Last-Event-ID) can catch up on.
    private const int CatchUpLimit = TimelineLimits.MaxPageSize;

    // Ids remembered to drop a tweet sent twice (catch-up and push, or two references while one
    // is renewed); duplicates arrive within moments of each other, so a few hundred suffice.
    private const int RememberedIds = 512;

    private static readonly byte[] s_opening = "retry: 3000\n: connected\n\n"u8.ToArray();
    private static readonly byte[] s_heartbeat = ": hb\n\n"u8.ToArray();

    private int _open;

    /// <summary>Streams open in this process now: subscribed, and not yet unsubscribed.</summary>
    public int OpenStreams => Volatile.Read(ref _open);

    public async Task RunAsync(HttpContext context, string userKey, TweetId? lastEventId)
    {
        var cancellation = context.RequestAborted;
        var user = cluster.GetGrain<IUserGrain>(userKey);
        var channel = Channel.CreateBounded<Tweet>(new BoundedChannelOptions(options.Value.StreamBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var subscription = new StreamSubscription(cluster, user, new HomeTimelineObserver(channel.Writer), userKey, logger);
        try
        {
            // Subscribing first throws for an unknown user before the response has started, so
            // that is still a problem-details 404; and no entry falls between catch-up and push.
            await subscription.OpenAsync();
            Interlocked.Increment(ref _open);
            WebLog.StreamOpened(logger, userKey);
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.Body.WriteAsync(s_opening, cancellation);
            await response.Body.FlushAsync(cancellation);

            var sent = new RecentIds(RememberedIds);
            if (lastEventId is { } last)
            {
                await CatchUpAsync(context, user, last, sent);
            }

            await PumpAsync(context, subscription, channel.Reader, sent);
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            // The client went away: the normal end of a stream.
        }
        finally
        {
            channel.Writer.TryComplete();
            await subscription.DisposeAsync();
            if (subscription.IsOpen)
            {
                Interlocked.Decrement(ref _open);
                WebLog.StreamClosed(logger, userKey);
            }
        }
    }

    private async Task PumpAsync(HttpContext context, StreamSubscription subscription, ChannelReader<Tweet> reader, RecentIds sent)
    {
        var cancellation = context.RequestAborted;
        using var heartbeat = new PeriodicTimer(options.Value.HeartbeatInterval, timeProvider);
        var tick = heartbeat.WaitForNextTickAsync(cancellation).AsTask();
        var ready = reader.WaitToReadAsync(cancellation).AsTask();
        while (true)
        {
            var completed = await Task.WhenAny(tick, ready);
            cancellation.ThrowIfCancellationRequested();
            if (completed == ready)
            {
                if (!await ready)
                {
                    return;
                }

                while (reader.TryRead(out var tweet))
                {
                    if (sent.Add(tweet.Id))
                    {
                        await WriteTweetAsync(context, tweet);
                    }
                }

                await context.Response.Body.FlushAsync(cancellation);
                ready = reader.WaitToReadAsync(cancellation).AsTask();
            }
            else
            {
                await tick;
                await context.Response.Body.WriteAsync(s_heartbeat, cancellation);
                await context.Response.Body.FlushAsync(cancellation);
                _ = subscription.RenewAsync();
                tick = heartbeat.WaitForNextTickAsync(cancellation).AsTask();
            }
        }
    }

    // Entries newer than the client's last event, oldest first: what it missed while reconnecting.
    private async Task CatchUpAsync(HttpContext context, IUserGrain user, TweetId lastEventId, RecentIds sent)
    {
        var page = await user.GetHomeTimelineAsync(CatchUpLimit, null);
        foreach (var tweet in page.Items.Where(t => t.Id > lastEventId).Reverse())
        {
            sent.Add(tweet.Id);
            await WriteTweetAsync(context, tweet);
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private async Task WriteTweetAsync(HttpContext context, Tweet tweet)
    {
        var data = JsonSerializer.Serialize(TweetResponse.From(tweet), json.Value.SerializerOptions);
        var frame = Encoding.UTF8.GetBytes($"id: {tweet.Id}\nevent: tweet\ndata: {data}\n\n");
        await context.Response.Body.WriteAsync(frame, context.RequestAborted);
    }
}
