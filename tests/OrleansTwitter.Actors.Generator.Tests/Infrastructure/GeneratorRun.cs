using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OrleansTwitter.Actors.Generator.Tests.Infrastructure;

/// <summary>The outcome of running the generator: its diagnostics, its sources and the resulting compilation.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> GeneratedSources =>
        Driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();

    /// <summary>Warnings and errors of the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public string GeneratedText(string hintName) =>
        GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// The MethodId literal of every generated request, keyed by "Interface.Method(T1,T2)" from
    /// the request's InterfaceName, MethodName and Arg field types. Reads the generated syntax,
    /// so it sees exactly what was emitted.
    /// </summary>
    public IReadOnlyDictionary<string, int> MethodIds()
    {
        var ids = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in GeneratedSources)
        {
            foreach (var request in source.SyntaxTree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var properties = request.Members.OfType<PropertyDeclarationSyntax>()
                    .ToDictionary(p => p.Identifier.Text, p => p.ExpressionBody?.Expression.ToString() ?? string.Empty);
                if (properties.TryGetValue("MethodId", out var methodId))
                {
                    // An inherited method appears in its own interface's file and in each derived
                    // interface's file, always with the same id.
                    var arguments = request.Members.OfType<FieldDeclarationSyntax>()
                        .Where(f => !f.Modifiers.Any(m => m.Text == "const"))
                        .Select(f => f.Declaration.Type.ToString().Replace("global::", string.Empty, StringComparison.Ordinal));
                    var key = $"{properties["InterfaceName"].Trim('"')}.{properties["MethodName"].Trim('"')}({string.Join(",", arguments)})";
                    var id = int.Parse(methodId, System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(!ids.TryGetValue(key, out var existing) || existing == id, $"{key} has two ids.");
                    ids[key] = id;
                }
            }
        }

        return ids;
    }
}
