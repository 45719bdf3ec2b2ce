namespace TableFlow;

/// <summary>The kind of file an extraction was made from, as an <c>extraction.*</c> webhook describes it.</summary>
public sealed class ExtractionFileType
{
    /// <summary>The file kind, such as <c>document</c>.</summary>
    public string? Key { get; init; }

    /// <summary>The file name's extension, such as <c>pdf</c>.</summary>
    public string? Extension { get; init; }

    /// <summary>The media type, such as <c>application/pdf</c>.</summary>
    public string? MimeType { get; init; }
}
