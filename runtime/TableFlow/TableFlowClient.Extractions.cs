using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Diagnostics;
using TableFlow.Http;
using TableFlow.Json;

namespace TableFlow;

// Extractions: one document read against a template (POST v2/extractions/upload and the reads under v2/extractions).
// Uploads follow the run rules (streamed multipart, sent once); reads retry; lists follow each endpoint's own paging.
public partial class TableFlowClient
{
    /// <summary>The page size of <see cref="ListExtractionRowsAsync"/>: the most the rows endpoint serves.</summary>
    internal const int RowsPageSize = 1000;

    /// <summary>
    /// Uploads one document for extraction: sends it as <c>multipart/form-data</c> to <c>POST v2/extractions/upload</c>
    /// with the template to read it with. The extraction goes on asynchronously; follow it with
    /// <see cref="WaitForExtractionAsync"/>.
    /// </summary>
    /// <param name="file">The document (pdf, xlsx, xls, csv, tsv, jpg, png, webp or tiff; up to 1 GB), streamed, never buffered whole.</param>
    /// <param name="templateId">The template's id, or <c>auto</c> (the default) to let TableFlow pick one from the content.</param>
    /// <param name="options">A name, guidance for the AI and metadata; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new extraction, normally in <see cref="ExtractionStatus.Processing"/> and without values yet.</returns>
    /// <remarks>
    /// The upload is sent once, by the same rules as <see cref="RunFlowAsync"/>: again only after a 429 or a refused
    /// connection, when the API certainly did not take it. After a 5xx, a timeout or a dropped connection the error is
    /// thrown with <see cref="TableFlowException.RunMayHaveStarted"/> set, because a second upload could start a second
    /// extraction.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or <paramref name="templateId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="templateId"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">A file given by path no longer exists (nothing was sent).</exception>
    /// <exception cref="ObjectDisposedException">A caller's stream was closed before the call (nothing was sent).</exception>
    /// <exception cref="InvalidOperationException">A caller's stream that cannot seek was already sent by an earlier call (nothing was sent).</exception>
    /// <exception cref="TableFlowApiException">The API refused the upload.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not an extraction. <see cref="TableFlowException.RunMayHaveStarted"/> says whether to look for the extraction before uploading again.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; when the upload had already been sent, <see cref="Exception.InnerException"/> is a <see cref="TableFlowException"/> with <see cref="TableFlowException.RunMayHaveStarted"/> set.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual async Task<Extraction> ExtractAsync(FlowFile file, string templateId = "auto", ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(ExtractAsync)).Sender;
        if (file is null) throw new ArgumentNullException(nameof(file));
        if (templateId is null) throw new ArgumentNullException(nameof(templateId));
        if (templateId.Trim().Length == 0) throw new ArgumentException("The template id is empty; pass a template's id, or \"auto\" to let TableFlow choose one.", nameof(templateId));
        file.EnsureSendable();

        // Copied now, so later changes to the options do not leak into a re-send.
        var name = options?.Name;
        var guidance = options?.Guidance;
        var metadata = options?.Metadata?.DeepClone().AsObject();

        var what = $"uploading a file for extraction with template '{templateId}'";
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartExtractionCall(ApiOperation.Extract, templateId, null);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.PostOnceAsync(
                "v2/extractions/upload",
                () => FlowRunContent.ForExtraction(file, templateId, name, guidance, metadata),
                () => file.CanReplay ? null : $"The upload was not sent again: file '{file.FileName}' comes from a stream that cannot seek and was already read. Pass a seekable stream, a path or bytes to let the client retry.",
                what,
                ApiOperation.Extract,
                activity,
                cancellationToken,
                SendOnceWording.Extraction).ConfigureAwait(false);
            var extraction = ExtractionResponseParser.ReadExtraction(response, what, sender.Redactor, upload: true);
            telemetry.CallSucceeded(ApiOperation.Extract, activity, started, (int)response.StatusCode);
            telemetry.ExtractionStarted(activity, extraction, templateId);
            return extraction;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.Extract, activity, started, e);
            telemetry.ExtractionRequestFailed(templateId, e);
            throw;
        }
    }

    /// <summary>Reads one extraction (<c>GET v2/extractions/{extractionId}</c>): its fields, tables (possibly only their first page of rows), validations, and template and stats when the API sends them.</summary>
    /// <param name="extractionId">The extraction's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The extraction as it is now.</returns>
    /// <exception cref="ArgumentException"><paramref name="extractionId"/> is empty or cannot stand in a URL path (thrown before any request).</exception>
    /// <exception cref="TableFlowApiException">The API answered with an error, such as 404 for an unknown extraction.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not an extraction.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual async Task<Extraction> GetExtractionAsync(string extractionId, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(GetExtractionAsync)).Sender;
        ValidateId(extractionId, nameof(extractionId));
        return (await ReadExtractionAsync(sender, extractionId, cancellationToken).ConfigureAwait(false)).Extraction;
    }

    /// <summary>
    /// Lists the workspace's extractions, newest first (<c>GET v2/extractions</c>). The list pages by <c>offset</c> and
    /// <c>limit</c> with top-level counts (<c>{extractions, total, limit, offset}</c>, no <c>next_offset</c>); pages are
    /// fetched as the enumeration reaches them, until a short or empty page or the <c>total</c>.
    /// </summary>
    /// <param name="query">The template to filter by and the page size; <see langword="null"/> for every extraction.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The extractions in brief, in the API's order; fetch one with <see cref="GetExtractionAsync"/> for its values.</returns>
    /// <exception cref="ArgumentException">A query value cannot be sent (thrown by this call, before any request).</exception>
    /// <exception cref="TableFlowApiException">The API answered a page with an error.</exception>
    /// <exception cref="TableFlowException">The API could not be reached, answered something that is not a page of extractions, or repeated a page.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual IAsyncEnumerable<ExtractionSummary> ListExtractionsAsync(ExtractionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(ListExtractionsAsync)).Sender;
        // Checked and copied here, so a bad value fails at the call and later changes to the query do not leak in.
        var templateId = query?.TemplateId;
        if (templateId is not null && templateId.Trim().Length == 0)
        {
            throw new ArgumentException("ExtractionQuery.TemplateId is empty; leave it null to list the extractions of every template.", nameof(query));
        }

        var pageSize = query?.PageSize;
        if (pageSize is < 1 or > ExtractionQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), pageSize, $"ExtractionQuery.PageSize must be between 1 and {ExtractionQuery.MaxPageSize}.");
        }

        return ListExtractionPagesAsync(sender, templateId, pageSize, cancellationToken);
    }

    /// <summary>
    /// Reads every row of one table of an extraction (<c>GET v2/extractions/{extractionId}/tables/{tableKey}/rows</c>),
    /// page after page, following <c>pagination.next_offset</c>. Pages are fetched as the enumeration reaches them.
    /// </summary>
    /// <param name="extractionId">The extraction's id.</param>
    /// <param name="tableKey">The table's key, such as <c>line_items</c>.</param>
    /// <param name="filter">
    /// Which rows, as the API spells it (sent as <c>filter</c>): <c>all</c> (the API's default), <c>valid</c>, and on the
    /// older API <c>error</c> (rows failing a validation), on the newer a comma-separated list such as <c>error,warn</c>.
    /// <see langword="null"/> for every row.
    /// </param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The rows in the API's order, each with its values and issues.</returns>
    /// <exception cref="ArgumentException"><paramref name="extractionId"/> is empty or cannot stand in a URL path, <paramref name="tableKey"/> is empty, <c>.</c> or <c>..</c> (any other key is percent-escaped), or <paramref name="filter"/> is empty (thrown by this call, before any request).</exception>
    /// <exception cref="TableFlowApiException">The API answered a page with an error, such as 404.</exception>
    /// <exception cref="TableFlowException">The API could not be reached, answered something that is not a page of rows, or pointed back to a page already read.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual IAsyncEnumerable<ExtractionRow> ListExtractionRowsAsync(string extractionId, string tableKey, string? filter = null, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(ListExtractionRowsAsync)).Sender;
        ValidateId(extractionId, nameof(extractionId));
        var tableSegment = TableKeySegment(tableKey);
        ValidateFilter(filter);
        return ListRowPagesAsync(sender, extractionId, tableKey, tableSegment, filter, cancellationToken);
    }

    /// <summary>
    /// Downloads one table of an extraction as CSV (<c>GET v2/extractions/{extractionId}/tables/{tableKey}/download</c>):
    /// a header row, then the rows (at most 500,000, the API's cap). The body is streamed from the connection as it is
    /// read, never buffered whole.
    /// </summary>
    /// <param name="extractionId">The extraction's id; the newer API requires it to be completed.</param>
    /// <param name="tableKey">The table's key, such as <c>line_items</c>.</param>
    /// <param name="filter">Which rows, as the API spells it (sent as <c>filter</c>): <c>all</c>, <c>valid</c>, <c>invalid</c>, and on the newer API a comma-separated list with <c>error</c>, <c>warn</c>, <c>info</c>. <see langword="null"/> for every row.</param>
    /// <param name="cancellationToken">Cancels the request (and later reads take their own tokens).</param>
    /// <returns>The CSV, readable once, from the network. Dispose it: it holds the connection until then.</returns>
    /// <exception cref="ArgumentException"><paramref name="extractionId"/> is empty or cannot stand in a URL path, <paramref name="tableKey"/> is empty, <c>.</c> or <c>..</c> (any other key is percent-escaped), or <paramref name="filter"/> is empty (before any request).</exception>
    /// <exception cref="TableFlowApiException">The API answered with an error, such as 404, or a refusal while the extraction is still processing; no stream is returned.</exception>
    /// <exception cref="TableFlowException">The API could not be reached.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual Task<Stream> DownloadExtractionTableAsync(string extractionId, string tableKey, string? filter = null, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(DownloadExtractionTableAsync)).Sender;
        ValidateId(extractionId, nameof(extractionId));
        var tableSegment = TableKeySegment(tableKey);
        ValidateFilter(filter);
        var path = $"v2/extractions/{extractionId}/tables/{tableSegment}/download" + (filter is null ? "" : "?filter=" + Uri.EscapeDataString(filter));
        return DownloadAsync(sender, path, $"downloading table '{tableKey}' of extraction '{extractionId}'", ApiOperation.DownloadExtractionTable, extractionId, tableKey, cancellationToken);
    }

    /// <summary>
    /// Downloads the document an extraction was made from (<c>GET v2/extractions/{extractionId}/download-original</c>),
    /// streamed from the connection as it is read, never buffered whole.
    /// </summary>
    /// <param name="extractionId">The extraction's id.</param>
    /// <param name="cancellationToken">Cancels the request (and later reads take their own tokens).</param>
    /// <returns>The file's bytes, readable once, from the network. Dispose it: it holds the connection until then.</returns>
    /// <exception cref="ArgumentException"><paramref name="extractionId"/> is empty or cannot stand in a URL path (before any request).</exception>
    /// <exception cref="TableFlowApiException">The API answered with an error, such as 404; no stream is returned.</exception>
    /// <exception cref="TableFlowException">The API could not be reached.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual Task<Stream> DownloadOriginalAsync(string extractionId, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(DownloadOriginalAsync)).Sender;
        ValidateId(extractionId, nameof(extractionId));
        return DownloadAsync(sender, $"v2/extractions/{extractionId}/download-original", $"downloading the original file of extraction '{extractionId}'", ApiOperation.DownloadOriginal, extractionId, null, cancellationToken);
    }

    /// <summary>
    /// The table key as a URL path segment: percent-escaped, since a template's keys are the user's (a space, an accent,
    /// a slash all happen). Only a key that cannot be a segment at all (empty, <c>.</c>, <c>..</c>) is refused.
    /// </summary>
    private static string TableKeySegment(string tableKey)
    {
        if (tableKey is null) throw new ArgumentNullException(nameof(tableKey));
        if (tableKey.Trim().Length == 0) throw new ArgumentException("The table key is empty; pass the key of one of the template's tables, such as \"line_items\".", nameof(tableKey));
        if (tableKey is "." or "..") throw new ArgumentException($"The table key '{tableKey}' cannot be sent as a URL path segment: it is a relative path segment.", nameof(tableKey));
        return Uri.EscapeDataString(tableKey);
    }

    private static void ValidateFilter(string? filter)
    {
        if (filter is not null && filter.Trim().Length == 0)
        {
            throw new ArgumentException("The filter is empty; leave it null for every row, or pass a value such as \"valid\".", nameof(filter));
        }
    }

    private static async Task<(Extraction Extraction, TimeSpan? RetryAfter)> ReadExtractionAsync(ApiRequestSender sender, string extractionId, CancellationToken cancellationToken)
    {
        var what = $"reading extraction '{extractionId}'";
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartExtractionCall(ApiOperation.GetExtraction, null, extractionId);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetAsync("v2/extractions/" + extractionId, what, ApiOperation.GetExtraction, activity, cancellationToken).ConfigureAwait(false);
            var extraction = ExtractionResponseParser.ReadExtraction(response, what, sender.Redactor);
            telemetry.CallSucceeded(ApiOperation.GetExtraction, activity, started, (int)response.StatusCode);
            ClientTelemetry.TagExtraction(activity, extraction);
            return (extraction, response.RetryAfter);
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.GetExtraction, activity, started, e);
            throw;
        }
    }

    private static async IAsyncEnumerable<ExtractionSummary> ListExtractionPagesAsync(ApiRequestSender sender, string? templateId, int? pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long offset = 0;
        string? previousFirst = null;
        for (var page = 1; ; page++)
        {
            var what = page == 1 ? "listing extractions" : $"listing extractions (page {page}, offset {offset})";
            var path = "v2/extractions?" + (templateId is null ? "" : "template_id=" + Uri.EscapeDataString(templateId) + "&")
                + (pageSize is { } size ? "limit=" + size.ToString(CultureInfo.InvariantCulture) + "&" : "")
                + "offset=" + offset.ToString(CultureInfo.InvariantCulture);
            var (items, received, total, limit) = await ReadExtractionPageAsync(sender, path, templateId, what, cancellationToken).ConfigureAwait(false);

            // A server that ignores offset would hand out its first page for ever: the same first entry twice is a loop.
            var first = items.Count > 0 ? items[0].Id : null;
            if (page > 1 && first is not null && first == previousFirst)
            {
                throw new TableFlowException($"The TableFlow API answered the same page again {what} (it starts with extraction '{first}' as the previous page did); stopped listing to avoid an endless loop.");
            }

            previousFirst = first;
            foreach (var item in items) yield return item;

            // The last page: an empty one; with a total, the one that reaches it (a server may serve fewer than asked
            // for, so a short page alone does not end a list whose total says there is more); without one, a short page.
            if (received == 0) yield break;
            offset += received;
            if (total is { } t ? offset >= t : received < (pageSize ?? limit ?? 100)) yield break;
        }
    }

    private static async Task<(List<ExtractionSummary> Items, int Received, long? Total, long? Limit)> ReadExtractionPageAsync(ApiRequestSender sender, string path, string? templateId, string what, CancellationToken cancellationToken)
    {
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartExtractionCall(ApiOperation.ListExtractions, templateId, null);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetAsync(path, what, ApiOperation.ListExtractions, activity, cancellationToken).ConfigureAwait(false);
            var page = ExtractionResponseParser.ReadPage(response, what, sender.Redactor);
            telemetry.CallSucceeded(ApiOperation.ListExtractions, activity, started, (int)response.StatusCode);
            return page;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.ListExtractions, activity, started, e);
            throw;
        }
    }

    private static async IAsyncEnumerable<ExtractionRow> ListRowPagesAsync(ApiRequestSender sender, string extractionId, string tableKey, string tableSegment, string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long offset = 0;
        for (var page = 1; ; page++)
        {
            var what = page == 1 ? $"reading the rows of table '{tableKey}' of extraction '{extractionId}'" : $"reading the rows of table '{tableKey}' of extraction '{extractionId}' (page {page}, offset {offset})";
            // Both offset and limit every time: the older API marks them required.
            var path = $"v2/extractions/{extractionId}/tables/{tableSegment}/rows?offset={offset.ToString(CultureInfo.InvariantCulture)}&limit={RowsPageSize.ToString(CultureInfo.InvariantCulture)}"
                + (filter is null ? "" : "&filter=" + Uri.EscapeDataString(filter));
            var (rows, next, total) = await ReadRowPageAsync(sender, path, extractionId, tableKey, offset, what, cancellationToken).ConfigureAwait(false);
            foreach (var row in rows) yield return row;

            if (next is not { } nextOffset || nextOffset < 0 || rows.Count == 0) yield break;
            if (total is { } t && offset + rows.Count >= t) yield break;
            // Only forward: a next_offset at or before this page's start was read already, and one that keeps stepping
            // back to offsets never seen (1000, 999, 998, …) would otherwise go on for as many pages as it likes.
            if (nextOffset <= offset)
            {
                throw new TableFlowException($"The TableFlow API's pagination pointed back to offset {nextOffset}, which was already read (the page just read starts at offset {offset}), {what}; stopped reading to avoid an endless loop.");
            }

            offset = nextOffset;
        }
    }

    private static async Task<(List<ExtractionRow> Rows, long? NextOffset, long? Total)> ReadRowPageAsync(ApiRequestSender sender, string path, string extractionId, string tableKey, long offset, string what, CancellationToken cancellationToken)
    {
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartExtractionCall(ApiOperation.ListExtractionRows, null, extractionId, tableKey);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetAsync(path, what, ApiOperation.ListExtractionRows, activity, cancellationToken).ConfigureAwait(false);
            var page = ExtractionResponseParser.ReadRows(response, tableKey, offset, what, sender.Redactor);
            telemetry.CallSucceeded(ApiOperation.ListExtractionRows, activity, started, (int)response.StatusCode);
            return page;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.ListExtractionRows, activity, started, e);
            throw;
        }
    }

    private static async Task<Stream> DownloadAsync(ApiRequestSender sender, string path, string what, ApiOperation operation, string extractionId, string? tableKey, CancellationToken cancellationToken)
    {
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartExtractionCall(operation, null, extractionId, tableKey);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetStreamAsync(path, what, operation, activity, cancellationToken).ConfigureAwait(false);
            var stream = await ResponseStream.OpenAsync(response.Unread!, cancellationToken).ConfigureAwait(false);
            telemetry.CallSucceeded(operation, activity, started, (int)response.StatusCode);
            return stream;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(operation, activity, started, e);
            throw;
        }
    }
}
