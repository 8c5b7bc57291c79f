using System.Buffers;
using System.Text;
using System.Text.Json;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Tests.Transport;

/// <summary>
/// Decoding reads field names in place and shares the grain type and method names that recur
/// from frame to frame; neither may change what a frame means.
/// </summary>
[Trait("Category", "Transport")]
public sealed class FrameDecodingTests
{
    private readonly PipePeer _resolver = new();

    [Fact]
    public void Escaped_field_names_are_read_as_the_names_they_spell_and_unknown_ones_of_any_length_are_skipped()
    {
        var frame = Read("""{"\u006b":6,"i\u0064":42,"aFieldFromAMuchNewerVersion":{"x":[1,2,3]},"zz":"y","em":"still read"}""");

        Assert.Equal(FrameKind.Ping, frame.Kind);
        Assert.Equal(42, frame.Id);
        Assert.Equal("still read", frame.ErrorMessage);
    }

    [Fact]
    public void Grain_types_and_methods_decode_to_one_shared_string_per_name_and_keys_to_their_own_values()
    {
        var first = Read(RequestWithChain(1, "alice"));
        var second = Read(RequestWithChain(2, "bob"));

        Assert.Equal("Tests.ChainGrain", first.Target.Type);
        Assert.Equal("alice", first.Target.Key);
        Assert.Equal("bob", second.Target.Key);
        Assert.Same(first.Target.Type, second.Target.Type);
        Assert.Equal("GetAsync", first.CallChain!.Method);
        Assert.Same(first.CallChain.Method, second.CallChain!.Method);
        Assert.Same(first.CallChain.Grain.Type, second.CallChain.Grain.Type);
        Assert.Equal("caller-alice", first.CallChain.Grain.Key);
    }

    [Fact]
    public void Past_its_bound_a_table_still_decodes_new_names_to_their_values_but_stops_growing()
    {
        var names = new InternedNames(maxNames: 3);
        var decoded = Enumerable.Range(0, 10).Select(i => ReadName(names, $"Tests.Type{i}")).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"Tests.Type{i}"), decoded);
        Assert.Equal(3, names.Count);
        Assert.Same(decoded[2], ReadName(names, "Tests.Type2"));
        Assert.NotSame(decoded[5], ReadName(names, "Tests.Type5"));
    }

    [Fact]
    public void A_null_name_reads_as_null_and_a_number_fails_as_GetString_does()
    {
        var names = new InternedNames(maxNames: 3);

        Assert.Null(ReadName(names, json: "null"));
        Assert.Throws<InvalidOperationException>(() => ReadName(names, json: "12"));
    }

    [Fact]
    public void A_grain_type_longer_than_the_interned_limit_still_decodes_whole()
    {
        var longType = "Tests." + new string('L', 1000);
        var frame = Read($$"""{"k":2,"id":1,"t":"{{longType}}","key":"k"}""");

        Assert.Equal(longType, frame.Target.Type);
    }

    private static string RequestWithChain(long id, string key) =>
        $$"""{"k":2,"id":{{id}},"t":"Tests.ChainGrain","key":"{{key}}","i":1,"m":1,"d":0,"f":0,"c":[["Tests.CallerGrain","caller-{{key}}","GetAsync",{{id}}]]}""";

    private static string? ReadName(InternedNames names, string? value = null, string? json = null)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json ?? $"\"{value}\""));
        reader.Read();
        return names.Read(ref reader);
    }

    private InboundFrame Read(string json) => MessageCodec.Read(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), _resolver);
}
