namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// Subscribes every grain of the class to the stream of <paramref name="streamNamespace"/>
/// whose key is the grain's key. Events activate the grain; it attaches its handler by calling
/// <c>SubscribeAsync</c> on the stream in <c>OnActivateAsync</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    public string Namespace { get; } = streamNamespace;
}
