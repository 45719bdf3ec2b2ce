using System;
using System.Collections.Generic;

namespace TableFlow.Generators.Rules;

/// <summary>The real key a mistyped one most likely meant, for TF0010's "did you mean …?".</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The candidate closest to <paramref name="key"/> by edit distance (letter case ignored; a swap of two neighbouring
    /// characters counts as one edit), the first in order on a tie; <see langword="null"/> when none is within a third
    /// of the longer key's length (at least one edit), so an unrelated key is never suggested.
    /// </summary>
    public static string? Closest(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var limit = Math.Max(1, Math.Max(key.Length, candidate.Length) / 3);
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
