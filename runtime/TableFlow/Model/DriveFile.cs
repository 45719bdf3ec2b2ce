using System.Collections.Generic;

namespace TableFlow;

/// <summary>A Google Drive file a flow run wrote (an entry of <see cref="FlowRun.DriveFiles"/>).</summary>
public sealed class DriveFile
{
    /// <summary>The Drive file id.</summary>
    public string? FileId { get; init; }

    /// <summary>The Drive MIME type, such as <c>application/vnd.google-apps.spreadsheet</c>.</summary>
    public string? MimeType { get; init; }

    /// <summary>The sheets of a spreadsheet output.</summary>
    public IReadOnlyList<DriveSheet> Sheets { get; init; } = [];
}
