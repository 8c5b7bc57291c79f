namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>
/// Pulls one partition's queue on the silo that owns it: first it takes over whatever earlier
/// owners left unacknowledged, then it reads new events a batch at a time, delivers them, and
/// acknowledges what was delivered. One batch at a time is what bounds its memory: a slow
/// consumer slows the pull instead of filling the silo.
/// </summary>
internal sealed class RedisPartitionAgent
{
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);
    private readonly RedisStreamProvider _provider;
    private readonly RedisStreamOptions _options;
    private readonly string _consumer;
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;
    private volatile bool _killed;

    public RedisPartitionAgent(RedisStreamProvider provider, int partition, string consumer)
    {
        _provider = provider;
        _options = provider.Options;
        Partition = partition;
        _consumer = consumer;
    }

    public int Partition { get; }

    public void Start() => _run = Task.Run(RunAsync);

    /// <summary>
    /// Stops pulling; the batch in hand is finished and acknowledged, and what a failing delivery
    /// still holds is handed back to the next owner. Completes when the agent has stopped.
    /// </summary>
    public Task StopAsync()
    {
        _stop.Cancel();
        return _run;
    }

    /// <summary>Stops as a crash would: nothing more is acknowledged, so the next owner delivers it again.</summary>
    public void Kill()
    {
        _killed = true;
        _stop.Cancel();
    }

    private async Task RunAsync()
    {
        var time = _provider.Time;
        var scanning = true;
        var cursor = "0-0";

        // The first scan takes over everything pending, whoever it was delivered to: this agent
        // is the partition's owner now, and the consumers those entries went to are gone or
        // leaving. Later scans take only entries idle long enough to have been abandoned.
        var minIdle = TimeSpan.Zero;
        var lastScan = time.GetTimestamp();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                // Reads and claims are not cancelled by a stop. Once Redis has run one, the entries
                // are pending under this agent's name; abandoning the answer would leave them
                // there, where the next owner, whose first scan may be over already, takes them
                // only after ClaimIdleTimeout. A stop instead finishes the read and delivers it
                // (each command is bounded by the connection's operation timeout).
                IReadOnlyList<QueueEntry> batch = [];
                if (scanning || time.GetElapsedTime(lastScan) >= _options.ClaimInterval)
                {
                    (cursor, batch) = await _provider.Queues.ClaimAsync(Partition, _consumer, minIdle, cursor, _options.BatchSize, CancellationToken.None);
                    scanning = cursor != "0-0";
                    if (!scanning)
                    {
                        minIdle = _options.ClaimIdleTimeout;
                        lastScan = time.GetTimestamp();
                    }

                    if (batch.Count > 0)
                    {
                        RedisStreamInstruments.Claimed.Add(batch.Count);
                        RedisStreamLog.Claimed(_provider.Logger, _provider.Name, batch.Count, Partition);
                    }
                }

                if (batch.Count == 0)
                {
                    batch = await _provider.Queues.ReadAsync(Partition, _consumer, _options.BatchSize, CancellationToken.None);
                }

                if (_killed)
                {
                    // A crash delivers nothing more: what was just read stays pending for the next owner.
                    break;
                }

                if (batch.Count == 0)
                {
                    await Task.Delay(_options.PollInterval, time, _stop.Token);
                    continue;
                }

                await DeliverBatchAsync(batch);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Redis unreachable, most likely: the entries stay pending, so nothing is lost by
                // waiting. Whatever this agent read and did not acknowledge is still pending under
                // its name, where a new read never finds it: scan the partition again first.
                RedisStreamLog.AgentFailed(_provider.Logger, exception, _provider.Name, Partition, FailureBackoff);
                (scanning, cursor, minIdle) = (true, "0-0", TimeSpan.Zero);
                if (!await WaitAsync(FailureBackoff))
                {
                    break;
                }
            }
        }
    }

    // Streams are independent, so their events go out concurrently; one stream's events go out
    // in order, each after the previous one was handled.
    private async Task DeliverBatchAsync(IReadOnlyList<QueueEntry> batch)
    {
        var streams = new Dictionary<string, List<(QueueEntry Entry, RedisStreamEnvelope Event)>>(StringComparer.Ordinal);
        var work = new List<Task<(List<string> Delivered, List<string> LeftPending)>>();
        foreach (var entry in batch)
        {
            RedisStreamEnvelope envelope;
            try
            {
                envelope = RedisStreamEnvelope.Read(entry.Envelope ?? throw new System.Text.Json.JsonException("The entry has no 'e' field: it was not written by this provider."));
            }
            catch (System.Text.Json.JsonException exception)
            {
                // No retry can make it readable here; keep it for an operator instead.
                await DeadLetterAsync(entry, "(unreadable)", exception.Message, entry.Deliveries);
                continue;
            }

            var key = envelope.StreamId.ToString();
            if (!streams.TryGetValue(key, out var events))
            {
                streams[key] = events = [];
            }

            events.Add((entry, envelope));
        }

        foreach (var events in streams.Values)
        {
            work.Add(DeliverStreamAsync(events));
        }

        var outcomes = await Task.WhenAll(work);
        if (_killed)
        {
            return;
        }

        var delivered = outcomes.SelectMany(o => o.Delivered).ToList();
        if (delivered.Count > 0)
        {
            await _provider.Queues.AcknowledgeAsync(Partition, delivered, CancellationToken.None);
            RedisStreamInstruments.Delivered.Add(delivered.Count);
        }

        var left = outcomes.SelectMany(o => o.LeftPending).ToList();
        if (left.Count > 0)
        {
            // Stopping with events undelivered (a delivery was failing and waiting to retry).
            // Left as they are, they would look recently delivered, and a next owner whose first
            // scan is over (it started before this agent heard of the change) would take them
            // only after ClaimIdleTimeout: make them look abandoned instead.
            // None are handed back when the next owner has taken them all over already.
            var handed = await _provider.Queues.HandBackAsync(Partition, _consumer, left, CancellationToken.None);
            if (handed > 0)
            {
                RedisStreamInstruments.HandedBack.Add(handed);
                RedisStreamLog.HandedBack(_provider.Logger, _provider.Name, Partition, handed);
            }
        }
    }

    private async Task<(List<string> Delivered, List<string> LeftPending)> DeliverStreamAsync(List<(QueueEntry Entry, RedisStreamEnvelope Event)> events)
    {
        var delivered = new List<string>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (entry, envelope) = events[i];
            var outcome = await DeliverAsync(entry, envelope);
            if (outcome == Outcome.Delivered)
            {
                delivered.Add(entry.Id);
            }
            else if (outcome == Outcome.LeftPending)
            {
                // Stopping: the rest of this stream waits for the next owner, in order.
                return (delivered, [.. events.Skip(i).Select(e => e.Entry.Id)]);
            }
        }

        return (delivered, []);
    }

    private async Task<Outcome> DeliverAsync(QueueEntry entry, RedisStreamEnvelope envelope)
    {
        var eventId = $"{Partition}:{entry.Id}";
        for (var attempt = entry.Deliveries; ; attempt++)
        {
            try
            {
                await _provider.DispatchAsync(envelope.StreamId, eventId, envelope.Item, envelope.ItemType);
                return Outcome.Delivered;
            }
            catch (Exception exception) when (!_killed)
            {
                if (attempt >= _options.MaxDeliveryAttempts)
                {
                    await DeadLetterAsync(entry, envelope.StreamId.ToString(), $"{exception.GetType().Name}: {exception.Message}", attempt);
                    return Outcome.DeadLettered;
                }

                var delay = RetryDelay(attempt);
                RedisStreamInstruments.Retried.Add(1);
                RedisStreamLog.DeliveryFailed(_provider.Logger, exception, _provider.Name, eventId, envelope.StreamId.ToString(), attempt, _options.MaxDeliveryAttempts, delay);
                if (!await WaitAsync(delay))
                {
                    return Outcome.LeftPending;
                }
            }
            catch (Exception) when (_killed)
            {
                return Outcome.LeftPending;
            }
        }
    }

    private async Task DeadLetterAsync(QueueEntry entry, string stream, string error, int attempts)
    {
        if (_killed)
        {
            return;
        }

        await _provider.Queues.DeadLetterAsync(Partition, entry, error, attempts, CancellationToken.None);
        RedisStreamInstruments.DeadLettered.Add(1);
        RedisStreamLog.DeadLettered(_provider.Logger, _provider.Name, $"{Partition}:{entry.Id}", stream, _provider.Queues.Keys.DeadLetters.ToString(), attempts, error);
    }

    // Doubling from RetryDelay, capped at MaxRetryDelay.
    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(_options.RetryDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 16)), _options.MaxRetryDelay.Ticks));

    /// <summary>Waits unless the agent stops first; false when it stopped.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _provider.Time, _stop.Token);
            return true;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return false;
        }
    }

    private enum Outcome
    {
        Delivered,
        DeadLettered,
        LeftPending,
    }
}
