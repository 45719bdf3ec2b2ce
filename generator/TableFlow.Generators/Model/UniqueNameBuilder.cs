using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace TableFlow.Generators.Model;

/// <summary>
/// Hands out C# identifiers that differ from every name taken so far: the first free candidate, else the last one
/// with a number. Names are compared without their <c>@</c>, as the compiler does.
/// </summary>
internal sealed class UniqueNameBuilder
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="names"/> as taken without handing them out.</summary>
    public void Reserve(IEnumerable<string> names)
    {
        foreach (var name in names) _taken.Add(name.TrimStart('@'));
    }

    /// <summary>Whether <paramref name="name"/> was reserved or handed out.</summary>
    public bool IsTaken(string name) => _taken.Contains(name.TrimStart('@'));

    /// <summary>The first of <paramref name="candidates"/> still free, or the last one with the smallest free number; escaped when a keyword.</summary>
    public string Take(params string[] candidates) => TakeFirstFree(_taken.Add, candidates);

    /// <summary>
    /// Like <see cref="Take"/>, for names taken elsewhere: the first of <paramref name="candidates"/> (else the last one
    /// with the smallest number) that <paramref name="claim"/> accepts, which it does when the name is free.
    /// </summary>
    public static string TakeFirstFree(Func<string, bool> claim, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (claim(candidate)) return Escape(candidate);
        }

        var last = candidates[candidates.Length - 1];
        for (var i = 2; ; i++)
        {
            var numbered = last + i.ToString(CultureInfo.InvariantCulture);
            if (claim(numbered)) return Escape(numbered);
        }
    }

    /// <summary><paramref name="name"/> with an <c>@</c> when it is a C# keyword (<c>class</c> → <c>@class</c>).</summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary><c>PurchaseOrder</c> → <c>purchaseOrder</c>, <c>HTMLReport</c> → <c>htmlReport</c>, <c>ID</c> → <c>id</c>.</summary>
    public static string ToCamelCase(string name)
    {
        name = name.TrimStart('@');
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper])) upper++;
        if (upper == 0) return name;
        if (upper == name.Length) return name.ToLowerInvariant();

        // "HTMLReport": the last capital starts the next word, so only "HTM" is an acronym to lower-case.
        var lower = upper > 1 && char.IsLower(name[upper]) ? upper - 1 : upper;
        return name.Substring(0, lower).ToLowerInvariant() + name.Substring(lower);
    }
}
