using OrleansTwitter.Grains.Search;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Search;

/// <summary>Shows the silo's <see cref="TermCallProbe"/> each index write a term grain receives.</summary>
internal sealed class TermCallProbeFilter(TermCallProbe probe) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(ITermIndexGrain) && context.MethodName == nameof(ITermIndexGrain.AddAsync))
        {
            probe.OnWrite(context.TargetId.Key.ToString()!);
        }

        return context.Invoke();
    }
}
