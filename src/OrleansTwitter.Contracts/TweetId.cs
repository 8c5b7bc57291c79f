using System.Globalization;
using System.Text.Json.Serialization;

namespace OrleansTwitter.Contracts;

/// <summary>
/// A tweet's id: 64 bits, time ordered, unique across silos and processes. The layout, from the
/// most significant bit: a zero sign bit, 41 bits of milliseconds since <see cref="Epoch"/>
/// (good until 2093), 10 bits of node id, 12 bits of sequence within the millisecond. A larger
/// id is a newer tweet. In JSON it is a string of decimal digits, because JavaScript numbers lose
/// precision above 2^53.
/// </summary>
[JsonConverter(typeof(TweetIdJsonConverter))]
[GenerateSerializer, Immutable, Alias("ot.TweetId")]
public readonly record struct TweetId : IComparable<TweetId>
{
    public const int TimestampBits = 41;
    public const int NodeIdBits = 10;
    public const int SequenceBits = 12;
    public const int MaxNodeId = (1 << NodeIdBits) - 1;
    public const int MaxSequence = (1 << SequenceBits) - 1;
    public const long MaxMilliseconds = (1L << TimestampBits) - 1;

    /// <summary>The instant that millisecond 0 of the layout stands for: 2024-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TweetId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
    }

    /// <summary>The 64-bit value.</summary>
    [Id(0)]
    public long Value { get; }

    /// <summary>Milliseconds since <see cref="Epoch"/>.</summary>
    public long Milliseconds => Value >> (NodeIdBits + SequenceBits);

    /// <summary>The node (silo) that generated the id.</summary>
    public int NodeId => (int)((Value >> SequenceBits) & MaxNodeId);

    /// <summary>The id's place among those its node generated in the same millisecond.</summary>
    public int Sequence => (int)(Value & MaxSequence);

    /// <summary>When the id was generated, to the millisecond.</summary>
    public DateTimeOffset Timestamp => Epoch.AddMilliseconds(Milliseconds);

    /// <summary>Composes an id from its three fields.</summary>
    public static TweetId Create(long milliseconds, int nodeId, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, MaxMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodeId, MaxNodeId);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return new TweetId((milliseconds << (NodeIdBits + SequenceBits)) | ((long)nodeId << SequenceBits) | (long)sequence);
    }

    /// <summary>Parses the decimal form (digits only, as <see cref="ToString"/> writes it).</summary>
    public static bool TryParse(string? text, out TweetId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > 19 || !text.All(char.IsAsciiDigit)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        id = new TweetId(value);
        return true;
    }

    /// <summary>Parses the decimal form; throws <see cref="FormatException"/> naming the text otherwise.</summary>
    public static TweetId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a tweet id: a tweet id is a non-negative 64-bit number in decimal digits.");

    public int CompareTo(TweetId other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool operator <(TweetId left, TweetId right) => left.Value < right.Value;

    public static bool operator >(TweetId left, TweetId right) => left.Value > right.Value;

    public static bool operator <=(TweetId left, TweetId right) => left.Value <= right.Value;

    public static bool operator >=(TweetId left, TweetId right) => left.Value >= right.Value;
}
