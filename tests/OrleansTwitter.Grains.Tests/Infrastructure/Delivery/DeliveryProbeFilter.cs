using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Delivery;

/// <summary>
/// An incoming grain call filter that shows the silo's <see cref="DeliveryProbe"/> each fan-out
/// delivery to a user grain, and which silo's stream agent delivered each event to a fan-out grain.
/// </summary>
internal sealed class DeliveryProbeFilter(DeliveryProbe probe) : IIncomingGrainCallFilter
{
    private static readonly GrainType FanoutGrainType = GrainType.Create("fanout");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(ITimelineSubscriberGrain)
            && context.MethodName == nameof(ITimelineSubscriberGrain.DeliverAsync)
            && context.Request.GetArgument(0) is Tweet tweet)
        {
            await probe.OnDeliverAsync(context.TargetId.Key.ToString()!, tweet);
        }
        else if (context.TargetId.Type == FanoutGrainType
            && context.SourceId is { } source
            && SystemTargetGrainId.TryParse(source, out var agent))
        {
            // Stream events reach an implicit subscriber from the pulling agent of the stream's queue, a system target of its silo.
            probe.OnStreamEvent(context.TargetId.Key.ToString()!, agent.GetSiloAddress());
        }

        await context.Invoke();
    }
}
