using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Extractions;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Integration.Extractions;

/// <summary>
/// ReadAsync against servers that bend the rows endpoint's pagination (floats for integers, a next_offset that does not
/// move forward, a total far beyond the rows), over loopback HTTP with the generated invoice template.
/// </summary>
public sealed class RowPagingHardeningTests
{
    private const string Id = "e1";

    private static string Extraction(string table) =>
        "{\"id\":\"" + Id + "\",\"template_id\":\"" + EmulatorTemplates.InvoiceId + "\",\"status\":\"completed\","
        + "\"data\":{\"fields\":{\"values\":{\"invoice_number\":\"INV-9\"}},\"tables\":{\"line_items\":" + table + "}}}";

    private static string Row(double index, string description, string? validation = null) =>
        $$"""{"index":{{index.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}},"values":{"description":"{{description}}","quantity":"1"},"validations":{{validation ?? "{}"}}}""";

    private static Task<LoopbackServer> ServeAsync(string extraction, Func<HttpContext, int, string> rows)
        => LoopbackServer.StartAsync((context, n) => context.Request.Path.Value!.EndsWith("/rows", StringComparison.Ordinal)
            ? Respond.Json(context, 200, rows(context, ExtractionServer.QueryInt(context, "offset", -1)))
            : Respond.Json(context, 200, extraction));

    [Fact]
    public async Task Floats_in_pagination_and_index_are_read_as_integers()
    {
        var embedded = $$"""{"pagination":{"offset":0.0,"limit":2.0,"total":3.0,"next_offset":2.0},"rows":[{{Row(0, "a")}},{{Row(1, "b")}}]}""";
        await using var server = await ServeAsync(Extraction(embedded), (_, offset) =>
            $$"""{"pagination":{"offset":{{offset}}.0,"limit":1000.0,"total":3.0,"next_offset":null},"rows":[{{Row(0, "a")}},{{Row(1, "b")}},{{Row(2, "c", """{"quantity":[{"validate":"not_blank","severity":"error","message":"missing"}]}""")}}]}""");
        using var client = TestClients.Create(server);

        var result = await EmulatedInvoice.ReadAsync(client, Id);

        Assert.Equal(new[] { "a", "b", "c" }, result.Value.LineItems.Select(l => l.Description));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("line_items", (int?)2, "quantity"), (issue.Table, issue.Row, issue.Field));
    }

    [Fact]
    public async Task A_next_offset_that_does_not_move_forward_stops_the_read_with_an_error()
    {
        // Each page points back one row before the last: new offsets for ever, never forward.
        var embedded = $$"""{"pagination":{"offset":0,"limit":1,"total":5000,"next_offset":1},"rows":[{{Row(0, "a")}}]}""";
        await using var server = await ServeAsync(Extraction(embedded), (_, offset) =>
            $$"""{"pagination":{"offset":{{offset}},"limit":1000,"total":5000,"next_offset":{{(offset == 0 ? 1000 : offset - 1)}}},"rows":[{{Row(offset, "x")}}]}""");
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => EmulatedInvoice.ReadAsync(client, Id).WaitAsync(ExtractionServer.Generous));

        Assert.Contains("999", e.Message);
        Assert.Contains("endless loop", e.Message);
        Assert.Equal(3, server.RequestCount); // the extraction, the page at 0, the page at 1000
    }

    [Fact]
    public async Task A_total_far_beyond_the_rows_sent_does_not_reserve_memory_for_it()
    {
        var embedded = $$"""{"pagination":{"offset":0,"limit":1,"total":2000000000,"next_offset":1},"rows":[{{Row(0, "a")}}]}""";
        await using var server = await ServeAsync(Extraction(embedded), (_, _) =>
            $$"""{"pagination":{"offset":0,"limit":1000,"total":2000000000,"next_offset":null},"rows":[{{Row(0, "a")}},{{Row(1, "b")}}]}""");
        using var client = TestClients.Create(server);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await EmulatedInvoice.ReadAsync(client, Id);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(new[] { "a", "b" }, result.Value.LineItems.Select(l => l.Description));
        Assert.True(allocated < 1_000_000_000, $"reading two rows allocated {allocated:N0} bytes"); // a list sized by the total takes 16 GB
    }
}
