using System;
using System.Collections.Generic;

namespace TableFlow.Testing.Extractions;

/// <summary>The kind of an uploaded file, as the extraction's <c>file_type</c> object shows it.</summary>
internal sealed record ExtractionFileKind(string Key, string Extension, string MimeType);

/// <summary>
/// Which files an extraction takes (the newer upload page: pdf, xlsx, xls, csv, tsv, jpg, png, webp, tiff), by the
/// file name's extension or else the part's content type, and their <c>file_type</c>: <c>document</c>, <c>spreadsheet</c>
/// or <c>image</c>. Separate from the flows' <c>file_types</c> rules on purpose: an extraction has its own fixed list.
/// </summary>
internal static class ExtractionFileKinds
{
    private static readonly ExtractionFileKind[] Known =
    [
        new("document", "pdf", "application/pdf"),
        new("spreadsheet", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        new("spreadsheet", "xls", "application/vnd.ms-excel"),
        new("spreadsheet", "csv", "text/csv"),
        new("spreadsheet", "tsv", "text/tab-separated-values"),
        new("image", "jpg", "image/jpeg"),
        new("image", "png", "image/png"),
        new("image", "webp", "image/webp"),
        new("image", "tiff", "image/tiff"),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jpeg"] = "jpg",
        ["tif"] = "tiff",
    };

    public const string Accepted = "pdf, xlsx, xls, csv, tsv, jpg, png, webp or tiff";

    /// <summary>The file's kind by its extension, else by its content type; <see langword="null"/> when the API would refuse it.</summary>
    public static ExtractionFileKind? Detect(string fileName, string? contentType)
    {
        var dot = fileName.LastIndexOf('.');
        if (dot >= 0 && ByExtension(fileName.Substring(dot + 1)) is { } byName) return byName;
        var mediaType = (contentType ?? "").Split(';', 2)[0].Trim();
        foreach (var kind in Known)
        {
            if (kind.MimeType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)) return kind;
        }

        return mediaType.ToLowerInvariant() switch
        {
            "image/jpg" or "image/pjpeg" => ByExtension("jpg"),
            "application/csv" => ByExtension("csv"),
            _ => null,
        };
    }

    /// <summary>Whether a template whose file types are <paramref name="fileTypes"/> takes a file of <paramref name="kind"/>.</summary>
    public static bool Fits(IReadOnlyList<string> fileTypes, ExtractionFileKind kind)
    {
        if (fileTypes.Count == 0) return true;
        foreach (var type in fileTypes)
        {
            if (type == kind.Key || type == kind.Extension) return true;
            if (Aliases.TryGetValue(type, out var alias) && alias == kind.Extension) return true;
        }

        return false;
    }

    /// <summary>Why a template file type is not one the emulator understands, or <see langword="null"/>.</summary>
    public static string? TypeProblem(string? type)
    {
        if (string.IsNullOrWhiteSpace(type)) return "a file type is empty";
        var normal = type.Trim().TrimStart('.').ToLowerInvariant();
        if (normal is "document" or "image" or "spreadsheet" || Aliases.ContainsKey(normal) || ByExtension(normal) is not null) return null;
        return $"the file type '{type}' is not document, image, spreadsheet or one of the extensions {Accepted}";
    }

    private static ExtractionFileKind? ByExtension(string extension)
    {
        var normal = Aliases.TryGetValue(extension, out var alias) ? alias : extension;
        foreach (var kind in Known)
        {
            if (kind.Extension.Equals(normal, StringComparison.OrdinalIgnoreCase)) return kind;
        }

        return null;
    }
}
