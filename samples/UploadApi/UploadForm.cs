using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TableFlow;

namespace UploadApi;

/// <summary>
/// Reads <c>POST /reconciliations</c>'s form as a stream of parts (<see cref="MultipartReader"/> over the request body):
/// the optional <c>name</c> first, then <c>purchase_order</c>, then <c>invoice</c>. The files become
/// <see cref="FlowFile"/>s over the parts' bodies, so they go on to TableFlow as they arrive: no temporary file, no
/// file held in memory, whatever its size.
/// </summary>
internal sealed class UploadForm
{
    private const int MaxNameBytes = 4096;

    private UploadForm(string? name, FlowFile purchaseOrder, FlowFile invoice, NextSectionStream invoiceStream)
    {
        Name = name;
        PurchaseOrder = purchaseOrder;
        Invoice = invoice;
        InvoiceStream = invoiceStream;
    }

    /// <summary>The run's name, when the form gave one.</summary>
    public string? Name { get; }

    /// <summary>The purchase order, streamed from its part.</summary>
    public FlowFile PurchaseOrder { get; }

    /// <summary>
    /// The invoice, streamed from its part when the upload reaches it. Its part's headers arrive only after the whole
    /// purchase order, later than the request to TableFlow must name its files, so it is sent as <c>invoice.pdf</c>
    /// (it is checked to be a PDF when its part arrives) and its own name is in <see cref="NextSectionStream.FileName"/>.
    /// </summary>
    public FlowFile Invoice { get; }

    /// <summary>Where the invoice comes from, for its real name and for why it failed.</summary>
    public NextSectionStream InvoiceStream { get; }

    /// <summary>Reads the form up to the purchase order's content; the rest is read as the files are sent.</summary>
    /// <exception cref="InvalidDataException">The request is not such a form (the message says what is wrong).</exception>
    public static async Task<UploadForm> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("Send the files as multipart/form-data (a browser form with enctype=\"multipart/form-data\").");
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new InvalidDataException("The multipart/form-data content type has no boundary.");

        var reader = new MultipartReader(boundary, request.Body);
        string? name = null;
        while (true)
        {
            var section = await reader.ReadNextSectionAsync(cancellationToken)
                ?? throw new InvalidDataException("The form has no 'purchase_order' file.");
            var disposition = section.GetContentDispositionHeader() ?? throw new InvalidDataException("A form part has no Content-Disposition header.");
            var key = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (disposition.IsFormDisposition())
            {
                if (key != "name") throw new InvalidDataException($"The form field '{key}' is not known; the form takes name, purchase_order and invoice.");
                name = await ReadTextAsync(section.Body, cancellationToken);
                continue;
            }

            if (key != "purchase_order") throw new InvalidDataException($"The form sends '{key}' where 'purchase_order' was expected: send name, then purchase_order, then invoice.");
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (string.IsNullOrEmpty(fileName) || !IsPdf(fileName, section.ContentType)) throw new InvalidDataException($"The purchase_order '{fileName}' is not a PDF.");

            var invoiceStream = new NextSectionStream(reader, "invoice");
            return new UploadForm(
                string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
                FlowFile.FromStream(section.Body, fileName, "application/pdf"),
                FlowFile.FromStream(invoiceStream, "invoice.pdf", "application/pdf"),
                invoiceStream);
        }
    }

    /// <summary>Whether a part is a PDF, by its content type or, when the browser sent a generic one, its name.</summary>
    public static bool IsPdf(string? fileName, string? contentType)
        => string.Equals(contentType, "application/pdf", StringComparison.OrdinalIgnoreCase)
           || ((contentType is null || contentType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
               && fileName?.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) == true);

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxNameBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0) filled += read;
        if (filled > MaxNameBytes) throw new InvalidDataException($"The run name is longer than {MaxNameBytes} bytes.");
        return Encoding.UTF8.GetString(buffer, 0, filled);
    }
}
