using System.Net;
using System.Text.Json;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>A client of <c>GET /api/timeline/stream</c> that reads server-sent events with bounded waits.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public HttpResponseMessage Response => _response;

    public static async Task<EventStream> OpenAsync(HttpClient client, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/timeline/stream");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var timeout = new CancellationTokenSource(Waits.Timeout);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await Api.ExpectAsync(HttpStatusCode.OK, response);
        return new EventStream(response, await response.Content.ReadAsStreamAsync(timeout.Token));
    }

    /// <summary>The next event (comments skipped unless <paramref name="comments"/>), or a timeout naming what was seen.</summary>
    public async Task<ServerSentEvent> NextAsync(bool comments = false)
    {
        using var timeout = new CancellationTokenSource(Waits.Timeout);
        var seen = new List<string>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException($"The stream ended; seen: {string.Join(" | ", seen)}");
                seen.Add(line);
                if (line.Length == 0)
                {
                    // A block with only 'retry' (or nothing) sets up the connection; it is no event.
                    if (fields.ContainsKey("data") || fields.ContainsKey("event"))
                    {
                        return new ServerSentEvent(fields.GetValueOrDefault("event", "message"), fields.GetValueOrDefault("data"), fields.GetValueOrDefault("id"), null);
                    }

                    fields.Clear();
                    continue;
                }

                if (line.StartsWith(':'))
                {
                    if (comments)
                    {
                        return new ServerSentEvent(null, null, null, line[1..].Trim());
                    }

                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
                fields[name] = fields.TryGetValue(name, out var earlier) && name == "data" ? earlier + "\n" + value : value;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No event within {Waits.Timeout}; lines seen: {string.Join(" | ", seen)}");
        }
    }

    /// <summary>The next <c>tweet</c> event's tweet.</summary>
    public async Task<JsonElement> NextTweetAsync()
    {
        var next = await NextAsync();
        Assert.Equal("tweet", next.Event);
        var tweet = JsonDocument.Parse(next.Data!).RootElement.Clone();
        Assert.Equal(tweet.GetProperty("id").GetString(), next.Id);
        return tweet;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One event, or (with <see cref="Comment"/> set) one comment line.</summary>
internal sealed record ServerSentEvent(string? Event, string? Data, string? Id, string? Comment);
