using System.Collections.Concurrent;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Activation;

/// <summary>
/// The activations of one silo, by grain id. It delivers requests to them, creating an
/// activation on a grain's first call, and takes them down on idle, request or shutdown.
/// </summary>
internal sealed class Catalog
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ActorsManifest _manifest;
    private ActivationEnvironment? _environment;
    private readonly List<Message> _held = [];
    private volatile bool _stopping;
    private bool _holding;
    private string _refusal = "The silo is shutting down.";

    public Catalog(ActorsManifest manifest) => _manifest = manifest;

    public int Count => _activations.Count;

    private ActivationEnvironment Environment => _environment ?? throw new InvalidOperationException("The catalog is not started.");

    /// <summary>Set once the silo's services exist (they depend on the catalog through the grain factory).</summary>
    public void Start(ActivationEnvironment environment) => _environment = environment;

    /// <summary>Delivers a request to its grain's activation, activating it if needed.</summary>
    public void Dispatch(Message message)
    {
        ActorsInstruments.MessagesReceived.Add(1);
        Deliver(message);
    }

    /// <summary>
    /// Delivers one shared request to many grains of one type in this silo, each as its own
    /// turn, all answering <paramref name="batch"/>. With <paramref name="activationOptional"/>
    /// grains not in memory are skipped.
    /// </summary>
    public void Multicast(string grainType, IEnumerable<string> keys, GrainRequest request, bool activationOptional, MulticastBatch batch, Func<long> nextRequestId, DateTimeOffset deadline, CallChain? chain)
    {
        foreach (var key in keys)
        {
            var target = new GrainId(grainType, key);
            if (activationOptional && !_activations.ContainsKey(target))
            {
                batch.Skip();
                continue;
            }

            batch.Expect();
            var message = new Message(target, request, nextRequestId(), deadline, chain, batch);
            ActorsInstruments.MessagesReceived.Add(1);
            if (!activationOptional)
            {
                Deliver(message);
            }
            else if (!_activations.TryGetValue(target, out var activation) || !activation.TryEnqueue(new RequestWorkItem(message, activation.IsReentrant)))
            {
                // It went away since the look-up: for an optional delivery that is a skip.
                batch.Withdraw();
            }
        }

        batch.Sealed();
    }

    /// <summary>Delivers a request again after the activation it was queued to went away.</summary>
    public void Redispatch(Message message) => Deliver(message);

    public bool TryGetActivation(GrainId grainId, out GrainActivation activation) =>
        _activations.TryGetValue(grainId, out activation!);

    public IReadOnlyCollection<GrainActivation> Snapshot() => [.. _activations.Values];

    /// <summary>Removes an activation that is gone, unless another already took its place.</summary>
    public void OnActivationGone(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));

    /// <summary>Deactivates the activations idle for at least <paramref name="age"/>; returns how many.</summary>
    public int CollectIdle(TimeSpan age)
    {
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleFor(age))
            {
                activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for at least {age}."));
                collected++;
            }
        }

        return collected;
    }

    /// <summary>Stops creating activations and deactivates every one, writing changed state.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, TimeSpan timeout)
    {
        lock (_held)
        {
            _stopping = true;
            _holding = true;
        }

        var activations = Snapshot();
        ActivationLog.DeactivatingAll(Environment.Logger, activations.Count, reason.Code);
        foreach (var activation in activations)
        {
            activation.StartDeactivation(reason);
        }

        var all = Task.WhenAll(activations.Select(a => a.Deactivated));
        try
        {
            await all.WaitAsync(timeout, Environment.TimeProvider);
        }
        catch (TimeoutException)
        {
            ActivationLog.DeactivateAllTimedOut(Environment.Logger, activations.Count(a => !a.Deactivated.IsCompleted), timeout);
        }
    }

    /// <summary>
    /// Ends the shutdown hand-off: the requests held while activations deactivated, and any
    /// that arrive from now on, are refused before running, so their callers re-route to the
    /// grains' new owners (which then read the state just written).
    /// </summary>
    public void RefuseHeld(string reason)
    {
        Message[] held;
        lock (_held)
        {
            _holding = false;
            _refusal = reason;
            held = [.. _held];
            _held.Clear();
        }

        foreach (var message in held)
        {
            message.ResponseSink.Reject(reason);
        }
    }

    /// <summary>
    /// Deactivates this silo's activation of <paramref name="grain"/>, if any, and completes once
    /// it is gone and its state written, so that a new owner may activate it.
    /// </summary>
    public async Task ReleaseAsync(GrainId grain, TimeSpan timeout)
    {
        if (_activations.TryGetValue(grain, out var activation))
        {
            activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.PlacementChanged, "Its new owner asked for it."));
            await activation.Deactivated.WaitAsync(timeout, Environment.TimeProvider);
        }
    }

    /// <summary>Forgets every activation without deactivating it (the silo died): nothing is written.</summary>
    public void Abandon()
    {
        lock (_held)
        {
            _stopping = true;
            _holding = false;
        }

        _activations.Clear();
    }

    /// <summary>Deactivates, writing their state, the activations that <paramref name="isOwner"/> says belong elsewhere now.</summary>
    public int DeactivateNotOwned(Func<GrainId, bool> isOwner)
    {
        var moved = 0;
        foreach (var activation in _activations.Values)
        {
            if (!isOwner(activation.GrainId))
            {
                activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.PlacementChanged, "Another silo owns the grain now."));
                moved++;
            }
        }

        return moved;
    }

    // While activations are deactivating, a request that would need a new activation here waits:
    // refusing it now would send it to a new owner that could read state not yet written.
    private void RefuseOrHold(Message message)
    {
        lock (_held)
        {
            if (_holding)
            {
                _held.Add(message);
                return;
            }
        }

        message.ResponseSink.Reject(_refusal);
    }

    private void Deliver(Message message)
    {
        while (true)
        {
            if (!_activations.TryGetValue(message.Target, out var activation))
            {
                if (_stopping)
                {
                    RefuseOrHold(message);
                    return;
                }

                if (!_manifest.TryGetGrainClass(message.Target.Type, out var descriptor))
                {
                    message.ResponseSink.Fail(new InvalidOperationException(
                        $"No grain class has grain type '{message.Target.Type}' (called: {message.Request} on {message.Target}). " +
                        "Is the assembly that declares it loaded by the silo and built with the OrleansTwitter.Actors generator?"));
                    return;
                }

                activation = _activations.GetOrAdd(message.Target, static (id, state) => new GrainActivation(id, state.descriptor, state.environment, state.catalog), (descriptor, environment: Environment, catalog: this));
            }

            if (activation.TryEnqueue(new RequestWorkItem(message, activation.IsReentrant)))
            {
                return;
            }

            // It went away between the lookup and the enqueue: drop it and look again.
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(message.Target, activation));
        }
    }
}
