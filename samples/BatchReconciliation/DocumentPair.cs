using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace BatchReconciliation;

/// <summary>A purchase order and the invoice for it, found by order number: <c>PO-1001.pdf</c> and <c>INV-1001.pdf</c>.</summary>
/// <param name="OrderNumber">The number both names share.</param>
/// <param name="PurchaseOrder">The purchase order's path.</param>
/// <param name="Invoice">The invoice's path.</param>
public sealed partial record DocumentPair(string OrderNumber, string PurchaseOrder, string Invoice)
{
    /// <summary>Pairs the folder's <c>PO-*</c> and <c>INV-*</c> files; a file without its partner is listed in <paramref name="unpaired"/>.</summary>
    /// <param name="folder">The folder to read.</param>
    /// <param name="unpaired">The files that have no partner.</param>
    /// <returns>The pairs, by order number.</returns>
    public static IReadOnlyList<DocumentPair> Find(string folder, out IReadOnlyList<string> unpaired)
    {
        var orders = new SortedDictionary<string, (string? Po, string? Invoice)>(StringComparer.OrdinalIgnoreCase);
        var others = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var match = DocumentName().Match(Path.GetFileName(path));
            if (!match.Success)
            {
                others.Add(path);
                continue;
            }

            var number = match.Groups["number"].Value;
            var entry = orders.GetValueOrDefault(number);
            orders[number] = match.Groups["kind"].Value.Equals("PO", StringComparison.OrdinalIgnoreCase) ? (path, entry.Invoice) : (entry.Po, path);
        }

        var pairs = orders.Where(o => o.Value.Po is not null && o.Value.Invoice is not null)
            .Select(o => new DocumentPair(o.Key, o.Value.Po!, o.Value.Invoice!)).ToList();
        unpaired = orders.Values.Where(v => v.Po is null || v.Invoice is null).Select(v => (v.Po ?? v.Invoice)!).Concat(others).ToList();
        return pairs;
    }

    [GeneratedRegex(@"^(?<kind>PO|INV)-(?<number>[A-Za-z0-9_-]+)\.(pdf|png|jpe?g|tiff?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentName();
}
