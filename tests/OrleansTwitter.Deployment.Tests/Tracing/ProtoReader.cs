namespace OrleansTwitter.Deployment.Tests.Tracing;

/// <summary>
/// Protocol Buffers' wire format, as much as reading OTLP's trace export needs: tags, varints,
/// length-delimited fields, and skipping the rest. (No OTLP message classes are served here, and
/// the few fields the test reads do not justify generating them.)
/// </summary>
internal sealed class ProtoReader(byte[] buffer, int start, int end)
{
    private int _position = start;

    public ProtoReader(byte[] buffer)
        : this(buffer, 0, buffer.Length)
    {
    }

    public bool More => _position < end;

    /// <summary>The next field's number and wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (_position >= end || shift > 63)
            {
                throw new InvalidDataException("truncated or overlong varint");
            }

            var b = buffer[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    /// <summary>A length-delimited field as a reader of its own.</summary>
    public ProtoReader ReadMessage()
    {
        var length = checked((int)ReadVarint());
        if (_position + length > end)
        {
            throw new InvalidDataException("a length-delimited field runs past its message");
        }

        var message = new ProtoReader(buffer, _position, _position + length);
        _position += length;
        return message;
    }

    public byte[] ReadBytes() => ReadMessage().Rest();

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                ReadMessage();
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"wire type {wireType} is not used by OTLP");
        }
    }

    private byte[] Rest() => buffer[_position..end];
}
