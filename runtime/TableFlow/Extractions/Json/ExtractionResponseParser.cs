using System.Collections.Generic;
using TableFlow.Http;

namespace TableFlow.Json;

/// <summary>
/// Reads the extraction endpoints' successful answers. Members are read leniently (a member that cannot be read becomes
/// a default); only an answer that is not the expected thing at all — not JSON, not an object, an extraction without an
/// id — is a <see cref="TableFlowException"/> saying so.
/// </summary>
internal static class ExtractionResponseParser
{
    private const string OneExtraction = "an extraction (a JSON object with \"id\")";
    private const string ExtractionPage = "a page of extractions (a JSON object with \"extractions\")";
    private const string RowPage = "a page of table rows (a JSON object with \"rows\")";

    /// <summary>Reads one extraction. After an upload (<paramref name="upload"/>) a body that is not one means the extraction probably started.</summary>
    public static Extraction ReadExtraction(ApiResponse response, string what, SecretRedactor redactor, bool upload = false)
    {
        var note = upload ? "The API answered with success, so the extraction has probably started. " + SendOnceWording.Extraction.LookBefore : null;
        var dto = ResponseParser.Deserialize(response, ExtractionJsonContext.Default.ExtractionDto, what, OneExtraction, redactor, note, upload);
        if (ExtractionMapper.IdOf(dto) is null) throw ApiErrors.UnexpectedBody(response, what, OneExtraction, "a JSON object without \"id\"", null, redactor, note, upload);
        return ExtractionMapper.ToExtraction(dto);
    }

    /// <summary>
    /// Reads a page of the list: its summaries (entries without an id are skipped), how many entries it had, and the
    /// <c>total</c> and <c>limit</c> when the API sent them.
    /// </summary>
    public static (List<ExtractionSummary> Items, int Received, long? Total, long? Limit) ReadPage(ApiResponse response, string what, SecretRedactor redactor)
    {
        var page = ResponseParser.Deserialize(response, ExtractionJsonContext.Default.ExtractionPageDto, what, ExtractionPage, redactor, null, false);
        if (page.Extractions is null) throw ApiErrors.UnexpectedBody(response, what, ExtractionPage, "no \"extractions\" array", null, redactor);
        var items = new List<ExtractionSummary>(page.Extractions.Count);
        foreach (var dto in page.Extractions)
        {
            if (ExtractionMapper.IdOf(dto) is not null) items.Add(ExtractionMapper.ToSummary(dto!));
        }

        return (items, page.Extractions.Count, page.Total, page.Limit);
    }

    /// <summary>Reads a page of table rows, with the page's <c>next_offset</c> and <c>total</c>.</summary>
    public static (List<ExtractionRow> Rows, long? NextOffset, long? Total) ReadRows(ApiResponse response, string tableKey, long offset, string what, SecretRedactor redactor)
    {
        var page = ResponseParser.Deserialize(response, ExtractionJsonContext.Default.ExtractionTableDto, what, RowPage, redactor, null, false);
        if (page.Rows is null) throw ApiErrors.UnexpectedBody(response, what, RowPage, "no \"rows\" array", null, redactor);
        return ExtractionMapper.ToRows(tableKey, page, offset);
    }
}
