using Microsoft.CodeAnalysis;
using OrleansTwitter.Actors.Generator.Tests.Infrastructure;

namespace OrleansTwitter.Actors.Generator.Tests;

public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using OrleansTwitter.Actors.Core;
        using OrleansTwitter.Actors.Persistence;

        namespace Bad;

        """;

    [Theory]
    [InlineData("int Bad(string s);", "returns 'int'")]
    [InlineData("void Bad(string s);", "returns 'void'")]
    [InlineData("System.Collections.Generic.IAsyncEnumerable<int> Bad(string s);", "returns 'System.Collections.Generic.IAsyncEnumerable<int>'")]
    public void OTA001_unsupported_return_type(string method, string problem)
    {
        var source = Usings + $$"""
            public interface IReturns : IGrainWithStringKey
            {
                Task Ok();

                {{method}}
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA001", "Bad(");

        Assert.Contains("'Bad.IReturns.Bad'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("must return Task, Task<T>, ValueTask or ValueTask<T>", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ref")]
    [InlineData("out")]
    [InlineData("in")]
    [InlineData("ref readonly")]
    public void OTA002_by_reference_parameter(string modifier)
    {
        var source = Usings + $$"""
            public interface IRefs : IGrainWithStringKey
            {
                Task Bad(
                    int ok,
                    {{modifier}} int value);
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA002", "int value");

        var message = diagnostic.GetMessage();
        Assert.Contains("Parameter 'value' of grain method 'Bad.IRefs.Bad'", message, StringComparison.Ordinal);
        Assert.Contains($"is a '{modifier}' parameter", message, StringComparison.Ordinal);
        Assert.Contains("passed by value only", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OTA003_generic_method()
    {
        var source = Usings + """
            public interface IGenericMethod : IGrainWithStringKey
            {
                Task<T> Bad<T>(T value);
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA003", "Bad<T>");

        Assert.Contains("'Bad.IGenericMethod.Bad' is generic", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("cannot have type parameters", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTA004_generic_interface()
    {
        var source = Usings + """
            public interface IBox<T> : IGrainWithStringKey
            {
                Task<T> Get();
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA004", "IBox<T>");

        Assert.Contains("Grain interface 'Bad.IBox<T>' is generic", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("cannot have type parameters", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTA004_interface_nested_in_a_generic_type()
    {
        var source = Usings + """
            public static class Holder<T>
            {
                public interface INested : IGrainWithStringKey
                {
                    Task Ping();
                }
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA004", "INested");

        Assert.Contains("'Bad.Holder<T>.INested' is generic", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string Name { get; }", "property 'Name'", "Name {")]
    [InlineData("string this[int index] { get; }", "indexer 'this[]'", "this[")]
    [InlineData("event EventHandler Changed;", "event 'Changed'", "Changed;")]
    public void OTA005_member_that_is_not_a_method(string member, string named, string marker)
    {
        var source = Usings + $$"""
            public interface IMembers : IGrainWithStringKey
            {
                Task Ok();

                {{member}}
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA005", marker);

        Assert.Contains($"'Bad.IMembers' declares the {named}", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("may only declare methods", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTA006_more_than_one_public_constructor()
    {
        var source = Usings + """
            public interface IOk : IGrainWithStringKey
            {
                Task Ping();
            }

            public sealed class TwoGrain : Grain, IOk
            {
                public TwoGrain()
                {
                }

                public TwoGrain(IServiceProvider services)
                {
                    _ = services;
                }

                public Task Ping() => Task.CompletedTask;
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA006", "TwoGrain(IServiceProvider");

        Assert.Contains("'Bad.TwoGrain' has 2 public constructors", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("exactly one public constructor", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTA006_no_public_constructor()
    {
        var source = Usings + """
            public interface IOk : IGrainWithStringKey
            {
                Task Ping();
            }

            public sealed class HiddenGrain : Grain, IOk
            {
                private HiddenGrain()
                {
                }

                public Task Ping() => Task.CompletedTask;
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA006", "class HiddenGrain");

        Assert.Contains("'Bad.HiddenGrain' has 0 public constructors", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string state", "has type 'string', which is not IPersistentState<T>")]
    [InlineData("IPersistentState<NoDefault> state", "has state type 'Bad.NoDefault', which has no public parameterless constructor")]
    [InlineData("IPersistentState<AbstractState> state", "has state type 'Bad.AbstractState', which has no public parameterless constructor")]
    public void OTA007_invalid_persistent_state_parameter(string parameter, string problem)
    {
        var source = Usings + $$"""
            public interface IOk : IGrainWithStringKey
            {
                Task Ping();
            }

            public sealed class NoDefault(int value)
            {
                public int Value => value;
            }

            public abstract class AbstractState;

            public sealed class StateGrain(
                [PersistentState("data")] {{parameter}}) : Grain, IOk
            {
                public Task Ping() => Task.FromResult(state);
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA007", "[PersistentState(");

        Assert.Contains("parameter 'state' of grain class 'Bad.StateGrain'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("must have type IPersistentState<T> where T has a public parameterless constructor", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTA008_method_id_collision()
    {
        // Found by a birthday search over M0() ... M999999(); checked below, so the test
        // cannot silently stop testing a collision.
        Assert.Equal(Fnv1a.Id("M15119()"), Fnv1a.Id("M203802()"));
        var source = Usings + """
            public interface ICollide : IGrainWithStringKey
            {
                Task M15119();

                Task M203802();
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA008", "M203802");

        Assert.Contains("'M15119()' and 'M203802()' of interface 'Bad.ICollide'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("same method id 0x5b179640", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("rename one of them", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTA009_generic_grain_class()
    {
        var source = Usings + """
            public interface IOk : IGrainWithStringKey
            {
                Task Ping();
            }

            public sealed class BoxGrain<T> : Grain, IOk
            {
                public Task Ping() => Task.CompletedTask;
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA009", "BoxGrain<T>");

        Assert.Contains("Grain class 'Bad.BoxGrain<T>' is generic", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("cannot have type parameters", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTA010_private_grain_interface()
    {
        var source = Usings + """
            public sealed class Container
            {
                private interface IHidden : IGrainWithStringKey
                {
                    Task Ping();
                }
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA010", "IHidden");

        Assert.Contains("'Bad.Container.IHidden' is private", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("must be public or internal", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_in_a_base_interface_of_the_same_assembly_is_reported_once_and_blocks_both_proxies()
    {
        var source = Usings + """
            public interface IBase : IGrainWithStringKey
            {
                int Bad();
            }

            public interface IDerived : IBase
            {
                Task Fine();
            }
            """;

        SingleDiagnostic(source, "OTA001", "Bad()");
        Assert.Empty(GeneratorHarness.Run(source).GeneratedSources);
    }

    [Fact]
    public void A_problem_in_a_base_interface_from_another_assembly_is_reported_at_the_derived_interface()
    {
        var contracts = GeneratorHarness.Compile("BaseContracts", null, Usings + """
            public interface IForeignBase : IGrainWithStringKey
            {
                int Count();
            }
            """);
        using var image = new MemoryStream();
        Assert.True(contracts.Emit(image).Success);
        var source = """
            using System.Threading.Tasks;

            namespace Derived;

            public interface IDerived : Bad.IForeignBase
            {
                Task Fine();
            }
            """;
        var compilation = GeneratorHarness.Compile("DerivedContracts", [MetadataReference.CreateFromImage(image.ToArray())], source);

        var run = GeneratorHarness.Run(compilation);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OTA001", diagnostic.Id);
        Assert.Equal(SourceLines.LineOf(source, "IDerived"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'Bad.IForeignBase.Count' returns 'int'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_grain_base_interface_with_a_bad_method_is_reported_at_the_grain_interface()
    {
        var source = Usings + """
            public interface IDisposableGrain : IGrainWithStringKey, IDisposable
            {
                Task Ping();
            }
            """;

        var diagnostic = SingleDiagnostic(source, "OTA001", "IDisposableGrain");

        Assert.Contains("'System.IDisposable.Dispose' returns 'void'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the generator and asserts that it reports exactly one diagnostic, an error with
    /// <paramref name="id"/> on the line of <paramref name="marker"/>, and that the rest of
    /// the compilation has no errors: the user sees the diagnostic, not a cascade.
    /// </summary>
    private static Diagnostic SingleDiagnostic(string source, string id, string marker)
    {
        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("OrleansTwitter.Actors", diagnostic.Descriptor.Category);
        Assert.True(diagnostic.Location.IsInSource);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", span.Path);
        Assert.Equal(SourceLines.LineOf(source, marker), span.StartLinePosition.Line);
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return diagnostic;
    }
}
