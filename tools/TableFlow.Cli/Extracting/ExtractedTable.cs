using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Cli.Extracting;

/// <summary>
/// One table of a completed extraction, read to its last row through the rows endpoint (the extraction itself may embed
/// only a first page): how many rows it has, the first rows kept for printing, every row's issues, and its columns in
/// the template's order.
/// </summary>
internal sealed record ExtractedTable(string Key, string? Name, IReadOnlyList<string> Columns, int Count, IReadOnlyList<ExtractionRow> Rows, IReadOnlyList<ExtractionIssue> Issues)
{
    /// <summary>
    /// The extraction's table keys: the template's tables in its order, then any other table the extraction carries.
    /// Empty when the API sent neither.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(Extraction extraction)
    {
        var keys = new List<string>();
        foreach (var table in extraction.Template?.Tables ?? []) if (!keys.Contains(table.Key)) keys.Add(table.Key);
        foreach (var key in extraction.Tables.Keys) if (!keys.Contains(key)) keys.Add(key);
        return keys;
    }

    /// <summary>
    /// Reads every row of every table of <paramref name="extraction"/>, one table after the other, keeping the first
    /// <paramref name="keptRows"/> rows of each (all of them when <see langword="null"/>): a table of 500,000 rows is
    /// counted, not held.
    /// </summary>
    public static async Task<IReadOnlyList<ExtractedTable>> ReadAllAsync(TableFlowClient client, Extraction extraction, int? keptRows, CancellationToken cancellationToken)
    {
        var tables = new List<ExtractedTable>();
        foreach (var key in KeysOf(extraction))
        {
            var template = extraction.Template?.Tables.FirstOrDefault(t => t.Key == key);
            var columns = template?.Columns.Select(c => c.Key).ToList() ?? new List<string>();
            var rows = new List<ExtractionRow>();
            var issues = new List<ExtractionIssue>();
            var count = 0;
            await foreach (var row in client.ListExtractionRowsAsync(extraction.Id, key, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                count++;
                if (keptRows is not { } kept || rows.Count < kept) rows.Add(row);
                issues.AddRange(row.Issues);
                // Columns the template does not list (or no template at all): in the order the rows first show them.
                foreach (var column in row.Values.Keys) if (!columns.Contains(column)) columns.Add(column);
            }

            tables.Add(new ExtractedTable(key, template?.Name, columns, count, rows, issues));
        }

        return tables;
    }
}
