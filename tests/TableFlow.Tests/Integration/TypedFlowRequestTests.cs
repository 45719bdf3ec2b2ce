using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Integration;

/// <summary>What the generated <c>RunAsync</c> puts on the wire, read back by an independent multipart parser.</summary>
public sealed class TypedFlowRequestTests
{
    private static readonly byte[] PoBytes = "%PDF-1.4 purchase order"u8.ToArray();
    private static readonly byte[] InvoiceBytes = "%PDF-1.4 invoice"u8.ToArray();

    /// <summary>A loopback server that reads each body as an ASP.NET Core server would, then answers <paramref name="json"/>.</summary>
    private static async Task<(LoopbackServer Server, ConcurrentQueue<List<ReceivedPart>> Bodies)> StartAsync(int status, string json)
    {
        var bodies = new ConcurrentQueue<List<ReceivedPart>>();
        var server = await LoopbackServer.StartAsync(async context =>
        {
            bodies.Enqueue(await MultipartParts.ReadAsync(context.Request));
            await Respond.Json(context, status, json);
        });
        return (server, bodies);
    }

    [Fact]
    public async Task Seed_call_sends_exactly_the_documented_parts()
    {
        var (server, bodies) = await StartAsync(200, RunJson.Run("Wp7kRnT2mX4vQ9bL", "processing"));
        await using var _ = server;
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "secret-key", BaseAddress = server.BaseAddress });
        var flow = new SeedFlow(client);

        var run = await flow.RunAsync(
            purchaseOrder: FlowFile.FromBytes(PoBytes, "po.pdf"),
            invoice: FlowFile.FromBytes(InvoiceBytes, "invoice.pdf"),
            purchaseOrderMetadata: new JsonObject { ["po_number"] = "PO-123" },
            name: "PO-123 Reconciliation",
            metadata: new JsonObject { ["customer_id"] = "12345" });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/flows/dk4g1tUg1uHLs8YU/run", request.Path);
        Assert.Equal("Bearer secret-key", request.Authorization);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        var parts = Assert.Single(bodies);
        Assert.Equal(
            new[] { "purchase_order", "invoice", "purchase_order_metadata", "purchase_order_guidance", "name", "metadata" }.OrderBy(n => n),
            parts.Select(p => p.Name).OrderBy(n => n));

        var po = parts.Single(p => p.Name == "purchase_order");
        Assert.Equal(("po.pdf", "application/pdf"), (po.FileName, po.ContentType));
        Assert.Equal(PoBytes, po.Body);
        var invoice = parts.Single(p => p.Name == "invoice");
        Assert.Equal(("invoice.pdf", "application/pdf"), (invoice.FileName, invoice.ContentType));
        Assert.Equal(InvoiceBytes, invoice.Body);
        Assert.Equal("PO-123", JsonNode.Parse(parts.Single(p => p.Name == "purchase_order_metadata").Text)!["po_number"]!.GetValue<string>());
        Assert.Equal("The PO number may include revision info like REV:0 at the end; extract only the base number.",
            parts.Single(p => p.Name == "purchase_order_guidance").Text);
        Assert.Equal("PO-123 Reconciliation", parts.Single(p => p.Name == "name").Text);
        Assert.Equal("12345", JsonNode.Parse(parts.Single(p => p.Name == "metadata").Text)!["customer_id"]!.GetValue<string>());
        Assert.All(parts.Where(p => p.Name is "name" or "purchase_order_guidance" or "purchase_order_metadata" or "metadata"), p => Assert.Null(p.FileName));

        Assert.Equal("Wp7kRnT2mX4vQ9bL", run.Id);
        Assert.Equal(FlowRunStatus.Processing, run.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), run.StartTime);
        Assert.Equal("Flow started via api", Assert.Single(run.StatusHistory).Message);
        Assert.Null(run.EndTime);
    }

    [Fact]
    public async Task Guidance_given_in_the_call_overrides_the_declared_default()
    {
        var (server, bodies) = await StartAsync(200, RunJson.Run("Wp7kRnT2mX4vQ9bL", "processing"));
        await using var _ = server;
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "k", BaseAddress = server.BaseAddress });

        await new SeedFlow(client).RunAsync(FlowFile.FromBytes(PoBytes, "po.pdf"), FlowFile.FromBytes(InvoiceBytes, "invoice.pdf"),
            purchaseOrderGuidance: "Use the first page only.", invoiceGuidance: "Totals are in EUR.");

        var parts = Assert.Single(bodies);
        Assert.Equal("Use the first page only.", parts.Single(p => p.Name == "purchase_order_guidance").Text);
        Assert.Equal("Totals are in EUR.", parts.Single(p => p.Name == "invoice_guidance").Text);
        Assert.DoesNotContain(parts, p => p.Name is "name" or "metadata" or "invoice_metadata" or "purchase_order_metadata");
    }

    [Fact]
    public async Task Multi_file_field_is_sent_as_numbered_parts_and_absent_optional_fields_are_not_sent()
    {
        var (server, bodies) = await StartAsync(201, RunJson.Run("Wp7kRnT2mX4vQ9bL", "processing"));
        await using var _ = server;
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "k", BaseAddress = server.BaseAddress });

        await new ShapesFlow(client).RunAsync(
            contract: FlowFile.FromBytes(PoBytes, "contract.pdf"),
            attachments: new[] { FlowFile.FromBytes("a"u8.ToArray(), "a.png"), FlowFile.FromBytes("b"u8.ToArray(), "b.jpg") });

        var parts = Assert.Single(bodies);
        Assert.Equal(new[] { "contract", "attachments_1", "attachments_2" }, parts.Select(p => p.Name));
        Assert.Equal(new[] { "image/png", "image/jpeg" }, parts.Skip(1).Select(p => p.ContentType));
        Assert.Equal("b", parts[2].Text);
    }

    [Fact]
    public async Task An_empty_optional_multi_file_list_sends_nothing_for_that_field()
    {
        var (server, bodies) = await StartAsync(201, RunJson.Run("Wp7kRnT2mX4vQ9bL", "processing"));
        await using var _ = server;
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "k", BaseAddress = server.BaseAddress });

        await new ShapesFlow(client).RunAsync(
            contract: FlowFile.FromBytes(PoBytes, "contract.pdf"),
            attachments: Array.Empty<FlowFile>(),
            attachmentsGuidance: "ignored: there is no file to describe");
        await new PagesFlow(client).RunAsync(pages: new[] { FlowFile.FromBytes(PoBytes, "page1.pdf") }, attachments: new List<FlowFile>());

        Assert.Equal(2, bodies.Count);
        Assert.Equal(new[] { "contract" }, bodies.First().Select(p => p.Name));
        Assert.Equal(new[] { "pages_1" }, bodies.Last().Select(p => p.Name));
    }

    [Fact]
    public async Task An_empty_required_multi_file_list_fails_naming_the_parameter_before_anything_is_sent()
    {
        var (server, bodies) = await StartAsync(200, RunJson.Run("Wp7kRnT2mX4vQ9bL", "processing"));
        await using var _ = server;
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "k", BaseAddress = server.BaseAddress });

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => new PagesFlow(client).RunAsync(pages: Array.Empty<FlowFile>()));
        var holdsNull = await Assert.ThrowsAsync<ArgumentException>(
            () => new PagesFlow(client).RunAsync(pages: new[] { FlowFile.FromBytes(PoBytes, "page1.pdf") }, attachments: new FlowFile[] { null! }));

        Assert.Equal("pages", empty.ParamName);
        Assert.Contains("'pages'", empty.Message);
        Assert.Equal("attachments", holdsNull.ParamName);
        Assert.Empty(server.Requests);
        Assert.Empty(bodies);
    }

    [Fact]
    public async Task Missing_required_file_fails_before_anything_is_sent()
    {
        var (server, bodies) = await StartAsync(200, RunJson.Run("Wp7kRnT2mX4vQ9bL", "processing"));
        await using var _ = server;
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "k", BaseAddress = server.BaseAddress });

        var e = await Assert.ThrowsAsync<ArgumentNullException>(() => new SeedFlow(client).RunAsync(null!, FlowFile.FromBytes(InvoiceBytes, "invoice.pdf")));

        Assert.Equal("purchaseOrder", e.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Api_error_surfaces_status_and_message()
    {
        var (server, bodies) = await StartAsync(400, """{"error": "Invalid parameters", "message": "Missing required file: invoice"}""");
        await using var _ = server;
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "k", BaseAddress = server.BaseAddress });

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() =>
            new SeedFlow(client).RunAsync(FlowFile.FromBytes(PoBytes, "po.pdf"), FlowFile.FromBytes(InvoiceBytes, "invoice.pdf")));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("Missing required file: invoice", e.ApiMessage);
        Assert.Contains("Missing required file: invoice", e.Message);
        Assert.Single(server.Requests);
    }
}
