using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace TableFlow.Generators.Tests.Infrastructure;

/// <summary>
/// Verify's file conventions without Verify (not served here): <c>{Class}.{Test}#{Hint}.verified.cs</c> beside the
/// test file; a missing or different snapshot writes <c>.received.cs</c> there and fails, so accepting a change is
/// renaming the file after reading the diff.
/// </summary>
internal static class Snapshot
{
    private static readonly Regex GeneratorVersion = new("(GeneratedCode\\(\"TableFlow.Generators\", \")[^\"]*(\"\\))", RegexOptions.Compiled);

    /// <summary>Compares <paramref name="text"/> (LF-normalized, generator version scrubbed) with its verified snapshot.</summary>
    public static void Verify(string text, string hintName, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var stem = $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}#{Path.GetFileNameWithoutExtension(hintName)}";
        var verified = Path.Combine(directory, stem + ".verified.cs");
        var received = Path.Combine(directory, stem + ".received.cs");
        var actual = Scrub(text);

        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var hint = expected is null
            ? $"No snapshot yet: review {received} and rename it to {Path.GetFileName(verified)}."
            : $"The generated source differs from the snapshot ({FirstDifference(expected, actual)}). Compare:\n  diff {verified} {received}\nand rename the received file to accept the change.";
        throw new Xunit.Sdk.XunitException(hint);
    }

    /// <summary>The text as compared: LF line ends and the generator's version replaced by a placeholder.</summary>
    public static string Scrub(string text) => GeneratorVersion.Replace(Normalize(text), "${1}{version}${2}");

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"first at line {i + 1}:\n  expected: {el}\n  actual:   {al}";
        }

        return "line ends only";
    }
}
