using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace BatchReconciliation;

/// <summary>Writes the outcomes as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends).</summary>
public static class CsvReport
{
    /// <summary>The header row.</summary>
    public const string Header = "order_number,purchase_order,invoice,run_id,status,seconds,error";

    /// <summary>Writes one row per outcome, after the header.</summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="outcomes">The outcomes, in the order to write them.</param>
    public static void Write(string path, IEnumerable<BatchOutcome> outcomes)
    {
        using var writer = new StreamWriter(path) { NewLine = "\r\n" };
        writer.WriteLine(Header);
        foreach (var o in outcomes)
        {
            string[] cells =
            [
                o.Pair.OrderNumber, Path.GetFileName(o.Pair.PurchaseOrder), Path.GetFileName(o.Pair.Invoice), o.RunId ?? "", o.Status,
                o.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), o.Error ?? "",
            ];
            writer.WriteLine(string.Join(",", cells.Select(Quote)));
        }
    }

    private static string Quote(string cell)
        => cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
