namespace OrleansTwitter.Grains.Delivery;

/// <summary>A fan-out reached some followers but not all: the stream event is to be delivered again.</summary>
[GenerateSerializer, Alias("ot.FanoutIncompleteException")]
public sealed class FanoutIncompleteException : Exception
{
    public FanoutIncompleteException()
    {
    }

    public FanoutIncompleteException(string message)
        : base(message)
    {
    }

    public FanoutIncompleteException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
