using System.Text;
using System.Text.Json;
using OrleansTwitter.Actors.Generator.Tests.Infrastructure;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Generator.Tests;

public sealed class SerializationTests(GrainAssemblyFixture grains) : IClassFixture<GrainAssemblyFixture>
{
    private const string UserGrain = GrainAssemblyFixture.UserGrain;
    private static readonly JsonSerializerOptions Options = new();

    [Fact]
    public void Arguments_are_written_as_a_json_array()
    {
        Assert.Equal("[2,40]", WriteArguments(grains.NewRequest(UserGrain, "Add", 2, 40L)));
        Assert.Equal("[]", WriteArguments(grains.NewRequest(UserGrain, "Touch")));
        Assert.Equal("[null,1]", WriteArguments(grains.NewRequest(UserGrain, "Handles", null, grains.Tier("Pro"))));
    }

    [Fact]
    public void Arguments_round_trip()
    {
        AssertRoundTrip(UserGrain, "Add", 2, 40L);
        AssertRoundTrip(UserGrain, "Touch");
        AssertRoundTrip(UserGrain, "SetProfile", grains.New("MyApp.Contracts.Profile", "carol", 12));
        AssertRoundTrip(UserGrain, "Handles", null, grains.Tier("Free"));
        AssertRoundTrip(UserGrain, "Handles", "ca", grains.Tier("Pro"));
        AssertRoundTrip(UserGrain, "InvokeAsync", "x", 3);
        AssertRoundTrip(UserGrain, "Ping", "inherited");
        AssertRoundTrip(GrainAssemblyFixture.InnerGrain, "Echo", Guid.NewGuid());
    }

    [Fact]
    public void Reading_arguments_leaves_the_reader_on_the_end_of_the_array()
    {
        var request = grains.NewRequest(UserGrain, "Add");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("""{"args":[2,40],"next":true}"""));
        reader.Read();
        reader.Read();
        reader.Read();

        request.ReadArguments(ref reader, Options);

        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal("next", reader.GetString());
        Assert.Equal(2, GrainAssemblyFixture.Arg(request, 0));
        Assert.Equal(40L, GrainAssemblyFixture.Arg(request, 1));
    }

    [Theory]
    [InlineData("[1]", "fewer elements")]
    [InlineData("[]", "fewer elements")]
    [InlineData("[1,2,3]", "more elements")]
    [InlineData("{\"a\":1}", "not an array")]
    [InlineData("7", "not an array")]
    public void Reading_arguments_of_the_wrong_shape_names_the_method_and_the_count(string json, string problem)
    {
        var request = grains.NewRequest(UserGrain, "Add");

        var exception = Assert.Throws<JsonException>(() => ReadArguments(request, json));

        Assert.Contains("MyApp.Contracts.IUserGrain.Add", exception.Message, StringComparison.Ordinal);
        Assert.Contains("a JSON array of 2 elements", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_round_trip()
    {
        var profile = grains.New("MyApp.Contracts.Profile", "dave", 1);
        IReadOnlyList<string> handles = ["a", "b"];

        Assert.Equal(42L, RoundTripResult(grains.NewRequest(UserGrain, "Add"), 42L, "42"));
        Assert.Equal(profile, RoundTripResult(grains.NewRequest(UserGrain, "GetProfile"), profile, """{"Handle":"dave","Followers":1}"""));
        Assert.Null(RoundTripResult(grains.NewRequest(UserGrain, "GetProfile"), null, "null"));
        Assert.Equal(handles, (IEnumerable<string>)RoundTripResult(grains.NewRequest(UserGrain, "Handles"), handles, """["a","b"]""")!);
        Assert.Null(RoundTripResult(grains.NewRequest(UserGrain, "SetProfile"), null, "null"));
        Assert.Null(RoundTripResult(grains.NewRequest(UserGrain, "Touch"), null, "null"));
    }

    [Theory]
    [InlineData("""[null,5]""")]
    [InlineData("""[{"ignored":[1,{"x":2}]},5]""")]
    [InlineData("""[[],5]""")]
    public void Reading_a_void_result_skips_the_whole_value(string json)
    {
        var request = grains.NewRequest(UserGrain, "SetProfile");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read();

        Assert.Null(request.ReadResult(ref reader, Options));

        // Left on the value's last token, as JsonSerializer.Deserialize leaves it.
        Assert.True(reader.Read());
        Assert.Equal(5, reader.GetInt32());
    }

    private void AssertRoundTrip(string interfaceName, string method, params object?[] arguments)
    {
        var json = WriteArguments(grains.NewRequest(interfaceName, method, arguments));
        var copy = grains.NewRequest(interfaceName, method);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        copy.ReadArguments(ref reader, Options);

        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.False(reader.Read());
        for (var i = 0; i < arguments.Length; i++)
        {
            Assert.Equal(arguments[i], GrainAssemblyFixture.Arg(copy, i));
        }
    }

    private static string WriteArguments(GrainRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteArguments(writer, Options);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void ReadArguments(GrainRequest request, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        request.ReadArguments(ref reader, Options);
    }

    private static object? RoundTripResult(GrainRequest request, object? result, string expectedJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteResult(writer, result, Options);
        }

        var json = buffer.ToArray();
        Assert.Equal(expectedJson, Encoding.UTF8.GetString(json));
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var read = request.ReadResult(ref reader, Options);
        Assert.False(reader.Read());
        return read;
    }
}
