using System;
using System.Collections.Generic;
using TableFlow.Testing.Server;

namespace TableFlow.Testing.Extractions;

/// <summary>
/// The rows and CSV endpoints' <c>filter</c>: a comma-separated list of <c>all</c> (the default), <c>valid</c> (no
/// error-level issue), <c>invalid</c> (at least one), <c>error</c>, <c>warn</c> (or <c>warning</c>) and <c>info</c> (an issue
/// of that severity). A row is kept when it matches any of them.
/// </summary>
internal sealed class RowFilter
{
    private readonly List<Func<ResultRow, bool>> _tests;

    private RowFilter(string text, List<Func<ResultRow, bool>> tests)
    {
        Text = text;
        _tests = tests;
    }

    /// <summary>The filter as the answer's <c>pagination.filter</c> echoes it.</summary>
    public string Text { get; }

    public static RowFilter Parse(string? text)
    {
        var tests = new List<Func<ResultRow, bool>>();
        var names = new List<string>();
        foreach (var raw in (text ?? "all").Split(','))
        {
            var name = raw.Trim().ToLowerInvariant();
            Func<ResultRow, bool>? test = name switch
            {
                "all" => _ => true,
                "valid" => row => !row.HasError,
                "invalid" => row => row.HasError,
                "error" => row => row.HasError,
                "warn" or "warning" => row => row.HasWarning,
                "info" => row => row.HasInfo,
                _ => null,
            };
            if (test is null)
            {
                throw ApiErrorException.BadRequest($"The parameter 'filter' has '{raw.Trim()}'; use all, valid, invalid, error, warn or info, comma-separated.");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
                tests.Add(test);
            }
        }

        return new RowFilter(string.Join(",", names), tests);
    }

    public bool Keeps(ResultRow row)
    {
        foreach (var test in _tests)
        {
            if (test(row)) return true;
        }

        return false;
    }

    public List<ResultRow> Apply(IReadOnlyList<ResultRow> rows)
    {
        var kept = new List<ResultRow>(rows.Count);
        foreach (var row in rows)
        {
            if (Keeps(row)) kept.Add(row);
        }

        return kept;
    }
}
