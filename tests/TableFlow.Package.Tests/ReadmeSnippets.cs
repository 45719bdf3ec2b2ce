using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TableFlow.Package.Tests;

/// <summary>
/// Turns every <c>```csharp</c> block of the repository's README.md into source files of the <c>readme</c> consumer
/// project, so that the README's code is compiled against the packed packages like a user's own code.
/// </summary>
/// <remarks>
/// A block that declares types (its first line after the <c>using</c>s starts with an attribute, a modifier or a type
/// keyword) becomes a file as it is. Any other block is a list of statements: it becomes the body of an async method,
/// whose parameters are the names the block uses without declaring them, given by an HTML comment right above the
/// fence: <c>&lt;!-- snippet-parameters: string apiKey, CancellationToken ct --&gt;</c>.
/// </remarks>
internal static partial class ReadmeSnippets
{
    /// <summary>One C# block of the README.</summary>
    /// <param name="Line">The 1-based line of its opening fence.</param>
    /// <param name="Code">The code between the fences.</param>
    /// <param name="Parameters">The parameters a statement block is given, or <see langword="null"/>.</param>
    internal sealed record Snippet(int Line, string Code, string? Parameters)
    {
        /// <summary>Whether the block declares types rather than running statements.</summary>
        public bool DeclaresTypes => DeclarationStart().IsMatch(WithoutUsings(Code).TrimStart());
    }

    /// <summary>The README's C# blocks, in order.</summary>
    public static IReadOnlyList<Snippet> Read(string readmePath)
    {
        var lines = File.ReadAllLines(readmePath);
        var snippets = new List<Snippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;

            var start = i;
            var code = new StringBuilder();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++) code.Append(lines[i]).Append('\n');
            if (i == lines.Length) throw new InvalidOperationException($"README.md line {start + 1}: the C# block is never closed.");

            var parameters = start > 0 && ParametersComment().Match(lines[start - 1]) is { Success: true } match ? match.Groups[1].Value.Trim() : null;
            snippets.Add(new Snippet(start + 1, code.ToString(), parameters));
        }

        return snippets;
    }

    /// <summary>Writes one source file per snippet into <paramref name="projectDirectory"/>; returns their names.</summary>
    public static IReadOnlyList<string> WriteSources(IReadOnlyList<Snippet> snippets, string projectDirectory)
    {
        var files = new List<string>();
        foreach (var snippet in snippets)
        {
            var name = $"ReadmeLine{snippet.Line}.cs";
            var source = new StringBuilder().Append("// README.md line ").Append(snippet.Line).Append('\n');
            if (snippet.DeclaresTypes)
            {
                source.Append("#line ").Append(snippet.Line + 1).Append(" \"README.md\"\n").Append(snippet.Code);
            }
            else
            {
                var usings = snippet.Code.Split('\n').Where(IsUsingDirective).ToList();
                foreach (var directive in usings) source.Append(directive).Append('\n');
                source.Append("internal static class ReadmeLine").Append(snippet.Line).Append('\n')
                      .Append("{\n")
                      .Append("    internal static async Task RunAsync(").Append(snippet.Parameters ?? "").Append(")\n")
                      .Append("    {\n")
                      .Append("#line ").Append(snippet.Line + 1).Append(" \"README.md\"\n")
                      .Append(string.Join("\n", snippet.Code.Split('\n').Select(l => IsUsingDirective(l) ? "" : l)))
                      .Append("#line default\n")
                      .Append("        await Task.CompletedTask;\n")
                      .Append("    }\n")
                      .Append("}\n");
            }

            File.WriteAllText(Path.Combine(projectDirectory, name), source.ToString());
            files.Add(name);
        }

        return files;
    }

    /// <summary>
    /// Writes the README's <c>```json</c> block marked <c>&lt;!-- readme-project: tableflow.json --&gt;</c> as the
    /// project's <c>tableflow.json</c>, so the analyzers check the README's flow classes against the README's own
    /// definition file and its schema-first class gets its properties; returns the file's path.
    /// </summary>
    public static string WriteDefinitionFile(string readmePath, string projectDirectory)
    {
        var lines = File.ReadAllLines(readmePath);
        var marker = Array.FindIndex(lines, l => DefinitionFileComment().IsMatch(l));
        if (marker < 0 || marker + 1 >= lines.Length || lines[marker + 1].Trim() != "```json")
        {
            throw new InvalidOperationException("README.md has no ```json block right below <!-- readme-project: tableflow.json -->.");
        }

        var json = new StringBuilder();
        var i = marker + 2;
        for (; i < lines.Length && lines[i].Trim() != "```"; i++) json.Append(lines[i]).Append('\n');
        if (i == lines.Length) throw new InvalidOperationException($"README.md line {marker + 2}: the JSON block is never closed.");

        var path = Path.Combine(projectDirectory, "tableflow.json");
        File.WriteAllText(path, json.ToString());
        return path;
    }

    private static bool IsUsingDirective(string line) => UsingDirective().IsMatch(line);

    private static string WithoutUsings(string code)
        => string.Join("\n", code.Split('\n').Where(l => !IsUsingDirective(l) && l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^(\[|(public|internal|sealed|static|abstract|partial|file|class|record|struct|interface|enum|namespace)\b)")]
    private static partial Regex DeclarationStart();

    [GeneratedRegex(@"^\s*<!--\s*snippet-parameters:(.*)-->\s*$")]
    private static partial Regex ParametersComment();

    [GeneratedRegex(@"^\s*<!--\s*readme-project:\s*tableflow\.json\s*-->\s*$")]
    private static partial Regex DefinitionFileComment();
}
