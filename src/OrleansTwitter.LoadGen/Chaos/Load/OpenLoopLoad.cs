using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansTwitter.LoadGen.Chaos.Load;

/// <summary>
/// A steady load of posts and home-timeline reads through the HTTP API, spread over the web
/// front ends in turn. It is open loop: requests start on schedule whether or not earlier ones
/// have answered, as users' requests do, so a stall shows as slow or failed requests instead of
/// as a quiet pause in the load.
/// </summary>
internal sealed class OpenLoopLoad : IAsyncDisposable
{
    private const int ReadPage = 20;

    /// <summary>How often the issuer wakes to start the requests that are due.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    /// <summary>Every request ends within the API client's 30 s timeout; stopping waits a little longer.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(45);

    private readonly LoadUsers _users;
    private readonly IReadOnlyList<ChaosApi> _apis;
    private readonly RequestTally _tally;
    private readonly double _rate;
    private readonly double _postShare;
    private readonly CancellationTokenSource _stop = new();
    // Every request's task, so stopping waits for all and an unexpected exception in one surfaces there.
    private readonly ConcurrentBag<Task> _requests = [];
    private readonly Task _issuer;

    /// <param name="users">Who posts and reads.</param>
    /// <param name="apis">The web front ends, used in turn.</param>
    /// <param name="tally">Where every request is recorded.</param>
    /// <param name="rate">Requests started per second.</param>
    /// <param name="postShare">The share of posts; the rest are home-timeline reads.</param>
    public OpenLoopLoad(LoadUsers users, IReadOnlyList<ChaosApi> apis, RequestTally tally, double rate, double postShare)
    {
        _users = users;
        _apis = apis;
        _tally = tally;
        _rate = rate;
        _postShare = postShare;
        _issuer = Task.Run(IssueAsync);
    }

    /// <summary>Stops starting requests and waits (bounded) for those in flight.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _issuer.WaitAsync(DrainTimeout);
        await Task.WhenAll(_requests).WaitAsync(DrainTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task IssueAsync()
    {
        var started = _tally.Now;
        long issued = 0;
        while (!_stop.IsCancellationRequested)
        {
            var due = (long)((_tally.Now - started).TotalSeconds * _rate);
            for (; issued < due; issued++)
            {
                _requests.Add(RunAsync(issued));
            }

            try
            {
                await Task.Delay(Tick, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(long number)
    {
        var api = _apis[(int)(number % _apis.Count)];
        var user = Random.Shared.Next(_users.Count);
        var start = _tally.Now;
        if (Random.Shared.NextDouble() < _postShare)
        {
            // Unique text, so that a tweet stored twice (under two ids) shows as a repeat.
            var text = $"chaos post {number.ToString(CultureInfo.InvariantCulture)} by {_users.Handles[user]}";
            var reply = await api.PostAsync(_users.Tokens[user], text);
            _tally.Add(new RequestOutcome("POST /api/tweets", start, _tally.Now - start, reply.Failure));
            if (reply.Ok)
            {
                _users.Acknowledge(user, new TimelineItem(reply.Body.GetProperty("id").GetString()!, text));
            }
            else
            {
                _users.PostFailed();
            }
        }
        else
        {
            var reply = await api.HomeTimelineAsync(_users.Tokens[user], ReadPage);
            _tally.Add(new RequestOutcome("GET /api/timeline", start, _tally.Now - start, reply.Failure));
        }
    }
}
