using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>Turns names and values into text that is valid in generated C#.</summary>
internal static class Identifiers
{
    /// <summary>Replaces every character that cannot appear in an identifier with '_'.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>Prefixes @ to names that are C# keywords (a parameter named <c>event</c>).</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string StringLiteral(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    public static string IntLiteral(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Hex(int id) => unchecked((uint)id).ToString("x8", CultureInfo.InvariantCulture);
}
