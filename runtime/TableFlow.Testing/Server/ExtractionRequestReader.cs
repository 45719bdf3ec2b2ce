using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TableFlow.Testing.Extractions;

namespace TableFlow.Testing.Server;

/// <summary>What an upload request carried, checked: one supported file, a template id, and the optional text fields.</summary>
internal sealed record ReceivedUpload(
    string TemplateId, string FileName, string ContentType, ExtractionFileKind FileKind, UploadedContent Content,
    string? Name, string? Guidance, JsonObject? Metadata, string? MetadataJson);

/// <summary>
/// Reads an extraction upload's <c>multipart/form-data</c> body (docs: upload-file, both page generations): <c>file</c>
/// (one, required; pdf, xlsx, xls, csv, tsv, jpg, png, webp, tiff; up to 1 GB), <c>template_id</c> (required), and
/// <c>name</c>, <c>guidance</c>, <c>metadata</c> (a JSON object) or the older <c>filename</c>. The first problem found is
/// the answer, naming the field.
/// </summary>
internal static class ExtractionRequestReader
{
    /// <summary>The upload page's limit: 1 GB.</summary>
    public const long MaxFileBytes = 1024L * 1024 * 1024;

    public static async Task<ReceivedUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(RunRequestReader.Boundary(request.ContentType, "An extraction upload"), request.Body) { BodyLengthLimit = null };
        string? templateId = null, name = null, guidance = null, fileNameOverride = null, metadataJson = null;
        JsonObject? metadata = null;
        (string Name, string ContentType, UploadedContent Content)? file = null;
        try
        {
            while (await RunRequestReader.NextPartAsync(reader, cancellationToken).ConfigureAwait(false) is (var section, var disposition, var partName))
            {
                if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
                {
                    if (partName != "file")
                    {
                        throw ApiErrorException.BadRequest($"Unknown file part '{partName}': an extraction upload takes its one file as 'file'.");
                    }

                    if (file is not null) throw ApiErrorException.BadRequest("An extraction upload takes one file per request, in 'file'; this one sent several.");
                    var fileName = RunRequestReader.FileNameOf(disposition);
                    var contentType = string.IsNullOrWhiteSpace(section.ContentType) ? "application/octet-stream" : section.ContentType;
                    var content = await UploadedContent.ReadAsync(section.Body, MaxFileBytes, cancellationToken).ConfigureAwait(false)
                        ?? throw new ApiErrorException(413, "File too large", $"File '{fileName}' is over the upload limit of 1 GB ({MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
                    file = (fileName, contentType, content);
                    continue;
                }

                var text = await RunRequestReader.ReadTextAsync(section, partName, cancellationToken).ConfigureAwait(false);
                switch (partName)
                {
                    case "file":
                        throw ApiErrorException.BadRequest("Form field 'file' must be a file upload (a part with a filename), but it was sent as a text value.");
                    case "template_id":
                        templateId = text.Trim();
                        break;
                    case "name":
                        name = text;
                        break;
                    case "guidance":
                        guidance = text;
                        break;
                    case "filename":
                        fileNameOverride = text;
                        break;
                    case "metadata":
                        metadata = RunRequestReader.ParseObject(partName, text);
                        var parsed = metadata;
                        metadataJson = JsonText.Write(w => parsed.WriteTo(w));
                        break;
                    default:
                        throw ApiErrorException.BadRequest($"Unknown form field '{partName}': an extraction upload takes 'file', 'template_id', 'name', 'guidance', 'metadata' and the older 'filename'.");
                }
            }

            if (file is not { } received) throw ApiErrorException.BadRequest("The parameter 'file' is required: send the document as a file part named 'file'.");
            if (string.IsNullOrEmpty(templateId)) throw ApiErrorException.BadRequest("The parameter 'template_id' is required (a template's id, or 'auto').");
            if (received.Content.Length == 0) throw ApiErrorException.BadRequest($"File '{received.Name}' is empty.");
            var finalName = string.IsNullOrWhiteSpace(fileNameOverride) ? received.Name : fileNameOverride!;
            var kind = ExtractionFileKinds.Detect(received.Name, received.ContentType) ?? ExtractionFileKinds.Detect(finalName, null)
                ?? throw ApiErrorException.BadRequest($"File '{received.Name}' ({received.ContentType}) is not a type extractions take: send {ExtractionFileKinds.Accepted}.");
            var upload = new ReceivedUpload(templateId, finalName, received.ContentType, kind, received.Content, name, guidance, metadata, metadataJson);
            file = null; // handed over: the extraction owns the content now
            return upload;
        }
        finally
        {
            // A refused upload must not leave its temp file behind.
            file?.Content.Dispose();
        }
    }
}
