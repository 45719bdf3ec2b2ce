using System.Net.Http;
using System.Text;

namespace TableFlow.Testing.Tests;

/// <summary>The run-flow example of the API docs (docs.tableflow.com, api-reference/run-flow): its flow, files and fields.</summary>
internal static class Seed
{
    public const string FlowId = "dk4g1tUg1uHLs8YU";
    public const string Guidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.";

    public static readonly byte[] PurchaseOrder = Encoding.ASCII.GetBytes("%PDF-1.4 purchase order PO-123\n");
    public static readonly byte[] Invoice = Encoding.ASCII.GetBytes("%PDF-1.4 invoice INV-9\n");

    public static TableFlowEmulator AddSeedFlow(this TableFlowEmulator emulator) =>
        emulator.AddFlow(FlowId, f => f
            .Name("PO to Invoice Reconciliation")
            .File("purchase_order", required: true, fileTypes: ["pdf", "image"], maxFileSize: 10485760)
            .File("invoice", required: true, fileTypes: ["pdf", "image"], maxFileSize: 10485760)
            .File("attachments", multiple: true));

    /// <summary>The curl request of §2.2, every field of it.</summary>
    public static CurlForm CurlRequest() => new CurlForm()
        .File("purchase_order", "po.pdf", PurchaseOrder)
        .File("invoice", "invoice.pdf", Invoice)
        .Text("name", "PO-123 Reconciliation")
        .Text("purchase_order_metadata", "{\"po_number\": \"PO-123\"}")
        .Text("purchase_order_guidance", Guidance)
        .Text("metadata", "{\"customer_id\": \"12345\"}");

    public static HttpRequestMessage Post(string flowId, HttpContent content)
        => new(HttpMethod.Post, $"v2/flows/{flowId}/run") { Content = content };
}
