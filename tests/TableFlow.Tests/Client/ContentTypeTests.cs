namespace TableFlow.Tests.Client;

/// <summary>The content type inferred from a file name: from its last extension, whatever else the name holds.</summary>
public sealed class ContentTypeTests
{
    /// <summary>Names and the type inferred from them; NetStandardAssetTests checks the netstandard2.0 build with the same cases.</summary>
    public static readonly TheoryData<string, string> Cases = new()
    {
        { "invoice.pdf", "application/pdf" },
        { "SCAN.PDF", "application/pdf" },
        { "pipe|name.pdf", "application/pdf" },
        { "tab\tname.png", "image/png" },
        { "quote\"d <angles>.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "colon: and ? and *.csv", "text/csv" },
        { "archive.tar.gz", "application/octet-stream" },
        { "folder.pdf/name", "application/octet-stream" },
        { "folder.pdf\\name", "application/octet-stream" },
        { "no extension", "application/octet-stream" },
        { "ends in a dot.", "application/octet-stream" },
        { ".pdf", "application/pdf" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_type_comes_from_the_last_extension(string fileName, string contentType)
        => Assert.Equal(contentType, FlowFile.FromBytes(new byte[1], fileName).ContentType);
}
