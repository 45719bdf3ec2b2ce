using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace TableFlow.Cli.Extracting;

/// <summary>
/// A completed extraction for a person: the fields as a table (key, value, issues), each table's first rows with its
/// row count, then every validation issue.
/// </summary>
internal static class ExtractionPrinter
{
    /// <summary>At most this many issues are listed one by one; the rest are counted (<c>--json</c> has them all).</summary>
    public const int MaxListedIssues = 50;

    public static void Print(CliContext context, Extraction extraction, IReadOnlyList<ExtractedTable> tables, int shownRows)
    {
        PrintFields(context, extraction);
        foreach (var table in tables) PrintTable(context, table, shownRows);
        PrintIssues(context, extraction.FieldIssues.Concat(tables.SelectMany(t => t.Issues)).ToList());
    }

    private static void PrintFields(CliContext context, Extraction extraction)
    {
        // The template's order when it is known, then whatever else the API sent.
        var keys = new List<string>();
        foreach (var field in extraction.Template?.Fields ?? []) if (!keys.Contains(field.Key)) keys.Add(field.Key);
        foreach (var key in extraction.Fields.Keys) if (!keys.Contains(key)) keys.Add(key);
        foreach (var issue in extraction.FieldIssues) if (issue.Field is { } key && !keys.Contains(key)) keys.Add(key);

        context.Out.WriteLine();
        if (keys.Count == 0)
        {
            context.Out.WriteLine("Fields: none");
            return;
        }

        context.Out.WriteLine($"Fields ({keys.Count})");
        var table = new Table().AddColumns("Field", "Value", "Issues");
        foreach (var key in keys)
        {
            var value = extraction.Fields.TryGetValue(key, out var found) ? found.ToString() : "";
            var issues = extraction.FieldIssues.Where(i => i.Field == key);
            table.AddRow(Markup.Escape(key), Markup.Escape(value), IssueCell(issues));
        }

        context.Console.Write(table);
    }

    private static void PrintTable(CliContext context, ExtractedTable extracted, int shownRows)
    {
        var count = extracted.Count;
        var name = extracted.Name is null || extracted.Name == extracted.Key ? "" : $" ({extracted.Name})";
        var shown = Math.Min(extracted.Rows.Count, shownRows);
        var showing = count == 0 ? "" : shown == count ? ", all shown" : $", showing the first {shown.ToString("N0", CultureInfo.InvariantCulture)} (--rows N shows more)";
        context.Out.WriteLine();
        context.Out.WriteLine($"Table {extracted.Key}{name}: {Rows(count)} read{showing}");
        if (shown == 0) return;

        var table = new Table().AddColumn("#");
        foreach (var column in extracted.Columns) table.AddColumn(Markup.Escape(column));
        table.AddColumn("Issues");
        foreach (var row in extracted.Rows.Take(shown))
        {
            var cells = new List<string> { row.Index.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(extracted.Columns.Select(c => Markup.Escape(row[c].ToString())));
            cells.Add(IssueCell(row.Issues));
            table.AddRow(cells.ToArray());
        }

        context.Console.Write(table);
    }

    private static void PrintIssues(CliContext context, IReadOnlyList<ExtractionIssue> issues)
    {
        context.Out.WriteLine();
        if (issues.Count == 0)
        {
            context.Out.WriteLine("Validation issues: none");
            return;
        }

        context.Out.WriteLine($"Validation issues ({issues.Count.ToString("N0", CultureInfo.InvariantCulture)})");
        foreach (var issue in issues.Take(MaxListedIssues)) context.Out.WriteLine("  " + CliApp.OneLine(issue.ToString()));
        if (issues.Count > MaxListedIssues)
        {
            context.Out.WriteLine($"  … and {(issues.Count - MaxListedIssues).ToString("N0", CultureInfo.InvariantCulture)} more (--json lists them all)");
        }
    }

    /// <summary>A cell listing issues as <c>severity: message</c>, coloured by severity on a terminal.</summary>
    private static string IssueCell(IEnumerable<ExtractionIssue> issues) => string.Join("; ", issues.Select(i =>
    {
        var color = i.Severity switch
        {
            ExtractionIssueSeverity.Error => "red",
            ExtractionIssueSeverity.Warning => "yellow",
            _ => "blue",
        };
        var severity = i.SeverityText.Length > 0 ? i.SeverityText : "issue";
        return $"[{color}]{Markup.Escape(severity)}[/]: {Markup.Escape(CliApp.OneLine(i.Message))}";
    }));

    private static string Rows(int count) => count == 1 ? "1 row" : count.ToString("N0", CultureInfo.InvariantCulture) + " rows";
}
