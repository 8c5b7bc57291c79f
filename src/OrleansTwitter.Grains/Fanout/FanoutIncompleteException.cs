namespace OrleansTwitter.Grains.Fanout;

/// <summary>A fan-out reached some followers but not all: the stream event is to be delivered again.</summary>
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
