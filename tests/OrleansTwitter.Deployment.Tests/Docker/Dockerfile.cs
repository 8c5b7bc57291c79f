using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrleansTwitter.Deployment.Tests.Docker;

/// <summary>
/// A Dockerfile read the way Docker reads it, as far as the tests need: comments dropped,
/// backslash continuations joined, instructions grouped by stage, global <c>ARG</c> defaults
/// substituted into <c>FROM</c>. No Docker engine runs here, so this is how the tests see the image.
/// </summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions)
    {
        Instructions = instructions;
    }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int StageCount => Instructions.Count(i => i.Keyword == "FROM");

    public int FinalStage => StageCount - 1;

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var globalArgs = new Dictionary<string, string>();
        var stage = -1;
        var pending = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = string.Empty;
            if (whole.Length == 0)
            {
                continue;
            }

            var split = whole.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (split < 0 ? whole : whole[..split]).ToUpperInvariant();
            var arguments = split < 0 ? string.Empty : WhiteSpace().Replace(whole[(split + 1)..].Trim(), " ");
            if (keyword == "FROM")
            {
                stage++;
                arguments = Variable().Replace(arguments, m => globalArgs.GetValueOrDefault(m.Groups[1].Value, m.Value));
            }
            else if (keyword == "ARG" && stage < 0 && arguments.Split('=', 2) is [var name, var value])
            {
                globalArgs[name] = value;
            }

            instructions.Add(new DockerInstruction(keyword, arguments, stage));
        }

        return new Dockerfile(instructions);
    }

    public IEnumerable<DockerInstruction> InStage(int stage, string keyword) =>
        Instructions.Where(i => i.Stage == stage && i.Keyword == keyword);

    /// <summary>The image a stage starts from, and its name (<c>FROM image AS name</c>).</summary>
    public (string Image, string? Name) From(int stage)
    {
        var parts = InStage(stage, "FROM").Single().Arguments.Split(' ');
        return (parts[0], parts.Length == 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null);
    }

    /// <summary>The JSON array of an exec-form instruction (ENTRYPOINT, CMD, HEALTHCHECK's CMD).</summary>
    public static string[] ExecForm(string arguments)
    {
        Assert.StartsWith("[", arguments, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<string[]>(arguments)!;
    }

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
