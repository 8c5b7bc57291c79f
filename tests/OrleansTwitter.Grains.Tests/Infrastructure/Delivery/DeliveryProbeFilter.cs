using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Delivery;

/// <summary>An incoming grain call filter that shows each fan-out delivery to the silo's <see cref="DeliveryProbe"/>.</summary>
internal sealed class DeliveryProbeFilter(DeliveryProbe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(ITimelineSubscriberGrain)
            && context.MethodName == nameof(ITimelineSubscriberGrain.DeliverAsync)
            && context.Request.GetArgument(0) is Tweet tweet)
        {
            await probe.OnDeliverAsync(context.TargetId.Key.ToString()!, tweet);
        }

        await context.Invoke();
    }
}
