namespace TableFlow;

/// <summary>
/// The kind of file an extraction was made from (<c>file_type</c>). Most answers send an object; the extraction list sends
/// only the extension (<c>pdf</c>), which becomes <see cref="Extension"/>.
/// </summary>
public sealed class ExtractionFileType
{
    /// <summary>The file kind, such as <c>document</c>.</summary>
    public string? Key { get; init; }

    /// <summary>The file name's extension, such as <c>pdf</c>.</summary>
    public string? Extension { get; init; }

    /// <summary>The media type, such as <c>application/pdf</c>.</summary>
    public string? MimeType { get; init; }
}
