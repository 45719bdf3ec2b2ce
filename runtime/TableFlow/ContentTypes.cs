using System;
using System.Collections.Generic;
using System.IO;

namespace TableFlow;

/// <summary>Maps file extensions to MIME types for the documents flows take.</summary>
internal static class ContentTypes
{
    public const string Default = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".bmp"] = "image/bmp",
        [".heic"] = "image/heic",
        [".csv"] = "text/csv",
        [".tsv"] = "text/tab-separated-values",
        [".txt"] = "text/plain",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".zip"] = "application/zip",
        [".eml"] = "message/rfc822",
    };

    /// <summary>The MIME type for the name's extension, or <see cref="Default"/> when it has none that is known.</summary>
    public static string FromFileName(string fileName)
    {
        var extension = ExtensionOf(fileName);
        return extension.Length > 0 && ByExtension.TryGetValue(extension, out var type) ? type : Default;
    }

    /// <summary>
    /// The extension with its dot (<c>".pdf"</c>), or empty: what follows the last <c>.</c> after the last <c>/</c> or
    /// <c>\</c>. Written out rather than <see cref="Path.GetExtension(string)"/>, which on .NET Framework throws for
    /// names holding characters Windows paths cannot (<c>|</c>, <c>"</c>, <c>&lt;</c>, a tab …) and splits on
    /// <c>\</c> only on Windows: a name is a name here, not a path, so every platform infers the same type.
    /// </summary>
    internal static string ExtensionOf(string fileName)
    {
        for (var i = fileName.Length - 1; i >= 0; i--)
        {
            var c = fileName[i];
            if (c == '.') return i == fileName.Length - 1 ? "" : fileName.Substring(i);
            if (c == '/' || c == '\\') break;
        }

        return "";
    }
}
