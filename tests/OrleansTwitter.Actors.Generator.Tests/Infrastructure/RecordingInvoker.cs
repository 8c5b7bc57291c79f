using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>Records what proxies send and answers with a canned result.</summary>
internal sealed class RecordingInvoker(Func<GrainRequest, object?> respond) : IGrainCallInvoker
{
    public List<(GrainId Target, GrainRequest Request)> Calls { get; } = [];

    public GrainRequest LastRequest => Calls[^1].Request;

    public Task<T> InvokeAsync<T>(GrainId target, GrainRequest request)
    {
        Calls.Add((target, request));
        return Task.FromResult((T)respond(request)!);
    }
}
