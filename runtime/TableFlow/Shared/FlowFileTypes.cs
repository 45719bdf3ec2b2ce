// One source for which files a field's `file_types` accepts. This file is compiled into two assemblies: the runtime
// (TableFlow, where it lives: FlowFieldInfo.Validate, the check the generated RunAsync makes before uploading) and the
// emulator (TableFlow.Testing: its 400 answer to a file of the wrong type), linked with
// <Compile Include="…" Link="Shared/FlowFileTypes.cs" />, so the client never refuses what the emulator takes nor
// the reverse. It builds for netstandard2.0: no dependencies beyond the BCL.
using System;
using System.Collections.Generic;

namespace TableFlow;

/// <summary>
/// Whether a file matches a field's <c>file_types</c>. The API names <c>pdf</c> and <c>image</c>; the extraction docs
/// add <c>xlsx</c>, <c>xls</c>, <c>csv</c>, <c>tsv</c>, <c>jpg</c>, <c>png</c>, <c>webp</c> and <c>tiff</c>
/// (<c>jpeg</c> and <c>tif</c> mean the same as <c>jpg</c> and <c>tiff</c>). Any other value is taken as a file
/// extension (with or without its dot). A file matches a type by its name's extension or by its content type.
/// </summary>
internal static class FlowFileTypes
{
    private sealed class FileType
    {
        public FileType(string[] extensions, string[] mediaTypes, string? mediaTypePrefix = null)
        {
            Extensions = extensions;
            MediaTypes = mediaTypes;
            MediaTypePrefix = mediaTypePrefix;
        }

        public string[] Extensions { get; }

        public string[] MediaTypes { get; }

        public string? MediaTypePrefix { get; }
    }

    private static readonly FileType Jpeg = new(new[] { "jpg", "jpeg" }, new[] { "image/jpeg" });
    private static readonly FileType Tiff = new(new[] { "tiff", "tif" }, new[] { "image/tiff" });

    private static readonly Dictionary<string, FileType> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = new(new[] { "pdf" }, new[] { "application/pdf" }),
        ["image"] = new(new[] { "png", "jpg", "jpeg", "gif", "webp", "tif", "tiff", "bmp", "heic", "heif" }, Array.Empty<string>(), "image/"),
        ["xlsx"] = new(new[] { "xlsx" }, new[] { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
        ["xls"] = new(new[] { "xls" }, new[] { "application/vnd.ms-excel" }),
        ["csv"] = new(new[] { "csv" }, new[] { "text/csv" }),
        ["tsv"] = new(new[] { "tsv" }, new[] { "text/tab-separated-values" }),
        ["jpg"] = Jpeg,
        ["jpeg"] = Jpeg,
        ["png"] = new(new[] { "png" }, new[] { "image/png" }),
        ["webp"] = new(new[] { "webp" }, new[] { "image/webp" }),
        ["tiff"] = Tiff,
        ["tif"] = Tiff,
    };

    /// <summary>
    /// Whether a file named <paramref name="fileName"/> with content type <paramref name="contentType"/> may be sent to
    /// a field that takes <paramref name="fileTypes"/>. An empty list (or one of blank values only) takes every file.
    /// </summary>
    public static bool Accepts(IReadOnlyList<string> fileTypes, string fileName, string? contentType)
    {
        var extension = ExtensionOf(fileName);
        var mediaType = MediaTypeOf(contentType);
        var any = false;
        foreach (var raw in fileTypes)
        {
            var type = raw?.Trim().TrimStart('.') ?? "";
            if (type.Length == 0) continue;
            any = true;
            if (Known.TryGetValue(type, out var known))
            {
                foreach (var candidate in known.Extensions)
                {
                    if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
                }

                foreach (var candidate in known.MediaTypes)
                {
                    if (mediaType.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
                }

                if (known.MediaTypePrefix is { } prefix && mediaType.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
            }
            else if (extension.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return !any;
    }

    /// <summary>The types as a message shows them: <c>pdf, image</c>.</summary>
    public static string Describe(IReadOnlyList<string> fileTypes)
    {
        var shown = new List<string>();
        foreach (var type in fileTypes)
        {
            if (!string.IsNullOrWhiteSpace(type)) shown.Add(type.Trim());
        }

        return string.Join(", ", shown);
    }

    /// <summary>The extension without its dot (<c>pdf</c>), or empty: what follows the last <c>.</c> after the last <c>/</c> or <c>\</c>.</summary>
    private static string ExtensionOf(string fileName)
    {
        for (var i = fileName.Length - 1; i >= 0; i--)
        {
            var c = fileName[i];
            if (c == '.') return fileName.Substring(i + 1);
            if (c == '/' || c == '\\') break;
        }

        return "";
    }

    /// <summary>The media type without its parameters (<c>text/csv; charset=utf-8</c> → <c>text/csv</c>).</summary>
    private static string MediaTypeOf(string? contentType)
    {
        if (contentType is null) return "";
        var semicolon = contentType.IndexOf(';');
        return (semicolon >= 0 ? contentType.Substring(0, semicolon) : contentType).Trim();
    }
}
