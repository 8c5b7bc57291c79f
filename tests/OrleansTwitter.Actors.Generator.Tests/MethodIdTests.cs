using OrleansTwitter.Actors.Generator.Tests.Infrastructure;

namespace OrleansTwitter.Actors.Generator.Tests;

public sealed class MethodIdTests
{
    private const string Header = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OrleansTwitter.Actors.Core;

        namespace Ids;

        """;

    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a_matches_the_published_test_vectors(string input, uint expected) =>
        Assert.Equal(expected, Fnv1a.Hash32(input));

    [Fact]
    public void Ids_hash_the_interface_full_name_and_the_method_signature()
    {
        var ids = GeneratorHarness.Run(Samples.ValidGrains).MethodIds();

        Assert.Equal(Expected("Add(int,long)"), ids["MyApp.Contracts.IUserGrain.Add(int,long)"]);
        Assert.Equal(Expected("SetProfile(MyApp.Contracts.Profile)"), ids["MyApp.Contracts.IUserGrain.SetProfile(MyApp.Contracts.Profile)"]);

        // Nullable annotations do not change the wire, so they do not change the id.
        Assert.Equal(Expected("Handles(string,MyApp.Contracts.Tier)"), ids["MyApp.Contracts.IUserGrain.Handles(string?,MyApp.Contracts.Tier)"]);

        // An inherited method keeps the id (and interface) of its declaration.
        Assert.Equal(Expected("Ping(string)"), ids["MyApp.Contracts.IPingable.Ping(string)"]);

        // Overloads differ by their parameter types.
        Assert.Equal(Expected("Describe(int)"), ids["MyApp.Contracts.IUserGrain.Describe(int)"]);
        Assert.Equal(Expected("Describe(string)"), ids["MyApp.Contracts.IUserGrain.Describe(string)"]);
    }

    [Fact]
    public void Ids_are_the_same_in_separate_compilations()
    {
        var first = GeneratorHarness.Run(Samples.ValidGrains, "First").MethodIds();
        var second = GeneratorHarness.Run(Samples.ValidGrains, "Second").MethodIds();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Ids_do_not_depend_on_declaration_order()
    {
        var ordered = Ids("""
            Task A(int x);
            Task<string> B(string y, List<int> z);
            ValueTask C();
            """);
        var reordered = Ids("""
            ValueTask C();
            Task<string> B(string y, List<int> z);
            Task A(int x);
            """);

        Assert.Equal(ordered, reordered);
    }

    [Fact]
    public void Ids_change_with_a_parameter_type_or_the_name_but_not_a_parameter_name()
    {
        var original = Ids("Task A(int x);").Single().Value;

        Assert.NotEqual(original, Ids("Task A(long x);").Single().Value);
        Assert.NotEqual(original, Ids("Task A(int x, int y);").Single().Value);
        Assert.NotEqual(original, Ids("Task Renamed(int x);").Single().Value);
        Assert.Equal(original, Ids("Task A(int renamed);").Single().Value);
        Assert.Equal(original, Ids("Task<string> A(int x);").Single().Value);
    }

    [Fact]
    public void Interface_ids_hash_the_full_name()
    {
        var run = GeneratorHarness.Run(Samples.ValidGrains);
        var text = run.GeneratedText("MyApp_Contracts_Outer_IInnerGrain.g.cs");

        Assert.Contains($"public override int InterfaceId => {Fnv1a.Id("MyApp.Contracts.Outer.IInnerGrain")};", text, StringComparison.Ordinal);
    }

    private static int Expected(string signature) => Fnv1a.Id(signature);

    private static IReadOnlyDictionary<string, int> Ids(string methods)
    {
        var source = Header + $$"""
            public interface IShape : IGrainWithStringKey
            {
                {{methods}}
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        return run.MethodIds();
    }
}
