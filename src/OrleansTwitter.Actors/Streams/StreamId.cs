namespace OrleansTwitter.Actors.Streams;

/// <summary>A stream's identity: a namespace (what kind of events) and a key (whose).</summary>
public readonly record struct StreamId
{
    public StreamId(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentNullException.ThrowIfNull(key);
        Namespace = @namespace;
        Key = key;
    }

    public string Namespace { get; }

    public string Key { get; }

    public static StreamId Create(string @namespace, string key) => new(@namespace, key);

    public override string ToString() => $"{Namespace}/{Key}";
}
