using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Apis.Models;
using OrleansTwitter.Web.Diagnostics;
using OrleansTwitter.Web.Hosting;

namespace OrleansTwitter.Web.Live;

/// <summary>
/// One <c>GET /api/timeline/stream</c>: server-sent events, an event <c>tweet</c> per new
/// home-timeline entry, fed by a grain observer the user grain pushes to. It sends a heartbeat
/// comment every <see cref="WebOptions.HeartbeatInterval"/> and renews its subscription at the
/// same pace (a subscription lives only as long as the user's activation), and unsubscribes when
/// the client goes away.
/// </summary>
internal sealed class TimelineEventStream(IClusterClient cluster, IOptions<WebOptions> options, IOptions<JsonOptions> json, TimeProvider timeProvider, ILogger<TimelineEventStream> logger)
{
    // How many recent entries a reconnecting client (Last-Event-ID) can catch up on.
    private const int CatchUpLimit = TimelineLimits.MaxPageSize;

    private static readonly byte[] s_heartbeat = ": hb\n\n"u8.ToArray();
    private static readonly TimeSpan s_unsubscribeTimeout = TimeSpan.FromSeconds(5);

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
        var reference = cluster.CreateObjectReference<IHomeTimelineObserver>(new HomeTimelineObserver(channel.Writer));
        var subscribed = false;
        try
        {
            // Subscribing first throws for an unknown user before the response has started, so
            // that is still a problem-details 404; and no entry falls between catch-up and push.
            await user.SubscribeAsync(reference);
            subscribed = true;
            Interlocked.Increment(ref _open);
            WebLog.StreamOpened(logger, userKey);
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.Body.WriteAsync("retry: 3000\n: connected\n\n"u8.ToArray(), cancellation);
            await response.Body.FlushAsync(cancellation);

            var sent = lastEventId is { } last ? await CatchUpAsync(context, user, last) : null;
            await PumpAsync(context, userKey, user, reference, channel.Reader, sent);
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            // The client went away: the normal end of a stream.
        }
        finally
        {
            channel.Writer.TryComplete();
            await UnsubscribeAsync(user, reference, userKey);
            if (subscribed)
            {
                Interlocked.Decrement(ref _open);
                WebLog.StreamClosed(logger, userKey);
            }
        }
    }

    private async Task PumpAsync(HttpContext context, string userKey, IUserGrain user, IHomeTimelineObserver reference, ChannelReader<Tweet> reader, HashSet<TweetId>? alreadySent)
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
                    if (alreadySent?.Remove(tweet.Id) != true)
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
                _ = RenewAsync(user, reference, userKey);
                tick = heartbeat.WaitForNextTickAsync(cancellation).AsTask();
            }
        }
    }

    // Entries newer than the client's last event, oldest first: what it missed while reconnecting.
    private async Task<HashSet<TweetId>> CatchUpAsync(HttpContext context, IUserGrain user, TweetId lastEventId)
    {
        var page = await user.GetHomeTimelineAsync(CatchUpLimit, null);
        var missed = page.Items.Where(t => t.Id > lastEventId).Reverse().ToList();
        foreach (var tweet in missed)
        {
            await WriteTweetAsync(context, tweet);
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
        return [.. missed.Select(t => t.Id)];
    }

    private async Task WriteTweetAsync(HttpContext context, Tweet tweet)
    {
        var data = JsonSerializer.Serialize(TweetResponse.From(tweet), json.Value.SerializerOptions);
        var frame = Encoding.UTF8.GetBytes($"id: {tweet.Id}\nevent: tweet\ndata: {data}\n\n");
        await context.Response.Body.WriteAsync(frame, context.RequestAborted);
    }

    private async Task RenewAsync(IUserGrain user, IHomeTimelineObserver reference, string userKey)
    {
        try
        {
            await user.SubscribeAsync(reference);
        }
        catch (Exception exception)
        {
            WebLog.StreamRenewFailed(logger, exception, userKey);
        }
    }

    private async Task UnsubscribeAsync(IUserGrain user, IHomeTimelineObserver reference, string userKey)
    {
        try
        {
            await user.UnsubscribeAsync(reference).WaitAsync(s_unsubscribeTimeout, timeProvider);
        }
        catch (Exception exception)
        {
            WebLog.StreamUnsubscribeFailed(logger, exception, userKey);
        }
        finally
        {
            cluster.DeleteObjectReference<IHomeTimelineObserver>(reference);
        }
    }
}
