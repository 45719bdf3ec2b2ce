using System;
using System.Collections.Generic;

namespace TableFlow.Testing.Flows;

/// <summary>
/// Whether a file matches a field's <c>file_types</c>. The API shows only <c>pdf</c> and <c>image</c>; any other type
/// is taken as a file extension (<c>xlsx</c>, <c>csv</c>), so a definition can name what its flow accepts.
/// </summary>
internal static class FileTypes
{
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = ["pdf"],
        ["image"] = ["png", "jpg", "jpeg", "gif", "webp", "tif", "tiff", "bmp", "heic", "heif"],
        ["excel"] = ["xlsx", "xls"],
        ["spreadsheet"] = ["xlsx", "xls", "csv", "tsv", "ods"],
    };

    public static bool Accepts(IReadOnlyList<string> fileTypes, string fileName, string contentType)
    {
        if (fileTypes.Count == 0) return true;
        var dot = fileName.LastIndexOf('.');
        var extension = dot >= 0 ? fileName.Substring(dot + 1) : "";
        var mediaType = contentType.Split(';', 2)[0].Trim();
        foreach (var type in fileTypes)
        {
            if (type.Equals("image", StringComparison.OrdinalIgnoreCase) && mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)) return true;
            if (type.Equals("pdf", StringComparison.OrdinalIgnoreCase) && mediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)) return true;
            var extensions = Extensions.TryGetValue(type, out var known) ? known : [type.TrimStart('.')];
            foreach (var candidate in extensions)
            {
                if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }
}
