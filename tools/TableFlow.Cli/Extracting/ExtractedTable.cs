using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Cli.Extracting;

/// <summary>
/// One table of a completed extraction with every row, read through the rows endpoint (the extraction itself may embed
/// only a first page), and its columns in the template's order.
/// </summary>
internal sealed record ExtractedTable(string Key, string? Name, IReadOnlyList<string> Columns, IReadOnlyList<ExtractionRow> Rows)
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

    /// <summary>Reads every row of every table of <paramref name="extraction"/>, one table after the other.</summary>
    public static async Task<IReadOnlyList<ExtractedTable>> ReadAllAsync(TableFlowClient client, Extraction extraction, CancellationToken cancellationToken)
    {
        var tables = new List<ExtractedTable>();
        foreach (var key in KeysOf(extraction))
        {
            var rows = await ToListAsync(client.ListExtractionRowsAsync(extraction.Id, key, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            var template = extraction.Template?.Tables.FirstOrDefault(t => t.Key == key);
            var columns = template is { Columns.Count: > 0 }
                ? template.Columns.Select(c => c.Key).ToList()
                : new List<string>();
            // Columns the template does not list (or no template at all): in the order the rows first show them.
            foreach (var row in rows)
            {
                foreach (var column in row.Values.Keys) if (!columns.Contains(column)) columns.Add(column);
            }

            tables.Add(new ExtractedTable(key, template?.Name, columns, rows));
        }

        return tables;
    }

    private static async Task<List<ExtractionRow>> ToListAsync(IAsyncEnumerable<ExtractionRow> rows, CancellationToken cancellationToken)
    {
        var list = new List<ExtractionRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(row);
        return list;
    }
}
