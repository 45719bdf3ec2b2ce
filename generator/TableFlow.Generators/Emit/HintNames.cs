using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System;
using TableFlow.Generators.Model;

namespace TableFlow.Generators.Emit;

/// <summary>
/// Hint names of the generated files. Roslyn compares hint names ignoring letter case and fails the whole generator
/// (CS8785) on a repeat, yet C# tells <c>Acme.POFlow</c> from <c>Acme.PoFlow</c>. A class keeps the plain
/// <c>Namespace.Outer+Name.g.cs</c> unless another flow class has the same name up to case; then each of those gets a
/// short hash of its case-sensitive name (<c>Acme.POFlow.3f2a9c01.g.cs</c>), the same in every build.
/// </summary>
internal static class HintNames
{
    /// <summary>The base names (model hint names) that occur more than once when letter case is ignored, in ordinal order.</summary>
    public static EquatableArray<string> CaseClashes(ImmutableArray<string> names)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var clashes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (seen.TryGetValue(name, out var other))
            {
                if (!string.Equals(other, name, StringComparison.Ordinal)) clashes.Add(other);
                if (!string.Equals(other, name, StringComparison.Ordinal)) clashes.Add(name);
            }
            else
            {
                seen.Add(name, name);
            }
        }

        return new EquatableArray<string>(clashes);
    }

    /// <summary>The file's hint name: <paramref name="name"/>, with its hash when it is one of <paramref name="clashes"/>, and <c>.g.cs</c>.</summary>
    public static string Of(string name, EquatableArray<string> clashes)
    {
        foreach (var clash in clashes)
        {
            if (string.Equals(clash, name, StringComparison.Ordinal)) return name + "." + Hash(name) + ".g.cs";
        }

        return name + ".g.cs";
    }

    /// <summary>FNV-1a over the UTF-16 code units, as eight hex digits: stable across processes and platforms.</summary>
    internal static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
