namespace TableFlow;

/// <summary>One sheet of a spreadsheet in <see cref="DriveFile.Sheets"/>.</summary>
public sealed class DriveSheet
{
    /// <summary>The sheet's id within the spreadsheet.</summary>
    public long SheetId { get; init; }

    /// <summary>The sheet's title.</summary>
    public string? Title { get; init; }
}
