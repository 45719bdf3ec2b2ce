using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Refit;
using TableFlow.Benchmarks.Shared;
using TableFlow.Benchmarks.Sink;

namespace TableFlow.Benchmarks.Requests;

/// <summary>
/// The cost of one run request, end to end over loopback: build the multipart body, send it to a Kestrel sink (in
/// another process, so its allocations are not counted), read and parse the answer. Same files, same sink, same
/// HTTP stack for every client; only the client code differs.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private const string ApiKey = "bench-key";
    private static readonly MediaTypeHeaderValue Pdf = new("application/pdf");

    private SinkProcess _sink = null!;
    private HttpClient _handWrittenHttp = null!;
    private HttpClient _refitHttp = null!;
    private TableFlowClient _tableFlow = null!;
    private PoReconciliationFlow _poReconciliation = null!;
    private ScanFlow _scanFlow = null!;
    private ITableFlowRefitApi _refit = null!;
    private byte[] _purchaseOrder = null!;
    private byte[] _invoice = null!;
    private byte[] _scan = null!;

    /// <summary>What is uploaded.</summary>
    [Params(Payload.TwoFiles10KiB, Payload.OneFile10MiB)]
    public Payload Payload { get; set; }

    /// <summary>Starts the sink and the three clients, and makes the files.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sink = SinkProcess.Start();
        var random = new Random(7);
        _purchaseOrder = new byte[10 * 1024];
        _invoice = new byte[10 * 1024];
        _scan = new byte[10 * 1024 * 1024];
        random.NextBytes(_purchaseOrder);
        random.NextBytes(_invoice);
        random.NextBytes(_scan);

        _tableFlow = new TableFlowClient(new TableFlowClientOptions { ApiKey = ApiKey, BaseAddress = _sink.BaseAddress });
        _poReconciliation = new PoReconciliationFlow(_tableFlow);
        _scanFlow = new ScanFlow(_tableFlow);

        _handWrittenHttp = new HttpClient { BaseAddress = _sink.BaseAddress };
        _handWrittenHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);

        _refitHttp = new HttpClient { BaseAddress = _sink.BaseAddress };
        _refitHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(ReflectionJson.Options));
        _refit = RestService.ForGenerated<ITableFlowRefitApi>(_refitHttp, settings);
    }

    /// <summary>Stops the sink and disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tableFlow.Dispose();
        _handWrittenHttp.Dispose();
        _refitHttp.Dispose();
        _sink.Dispose();
    }

    /// <summary>
    /// The baseline: what a developer writes by hand with <see cref="HttpClient"/>, <see cref="MultipartFormDataContent"/>
    /// and <c>ReadFromJsonAsync</c> into a POCO.
    /// </summary>
    [Benchmark(Baseline = true, Description = "HttpClient + MultipartFormDataContent")]
    public async Task<FlowRunPoco?> HandWritten()
    {
        using var content = new MultipartFormDataContent();
        if (Payload == Payload.TwoFiles10KiB)
        {
            content.Add(File(_purchaseOrder), "purchase_order", "po.pdf");
            content.Add(File(_invoice), "invoice", "invoice.pdf");
        }
        else
        {
            content.Add(File(_scan), "scan", "scan.pdf");
        }

        using var response = await _handWrittenHttp.PostAsync($"v2/flows/{FlowRunSamples.FlowId}/run", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<FlowRunPoco>(ReflectionJson.Options).ConfigureAwait(false);

        static ByteArrayContent File(byte[] bytes) => new(bytes) { Headers = { ContentType = Pdf } };
    }

    /// <summary>Our client: the generated, typed <c>RunAsync</c> of a <c>[TableFlow]</c> class (which calls <see cref="TableFlowClient.RunFlowAsync"/>).</summary>
    [Benchmark(Description = "TableFlow generated RunAsync")]
    // Not named "TableFlow": BenchmarkDotNet's generated code derives from this class, where such a method would hide the TableFlow namespace.
    public Task<FlowRun> GeneratedClient() => Payload == Payload.TwoFiles10KiB
        ? _poReconciliation.RunAsync(FlowFile.FromBytes(_purchaseOrder, "po.pdf"), FlowFile.FromBytes(_invoice, "invoice.pdf"))
        : _scanFlow.RunAsync(FlowFile.FromBytes(_scan, "scan.pdf"));

    /// <summary>Refit 16.4 with its source-generated stub and its default (reflection) System.Text.Json serializer.</summary>
    [Benchmark(Description = "Refit (generated stub)")]
    public Task<FlowRunPoco> Refit() => Payload == Payload.TwoFiles10KiB
        ? _refit.RunPoReconciliationAsync(
            FlowRunSamples.FlowId,
            new ByteArrayPart(_purchaseOrder, "po.pdf", "application/pdf"),
            new ByteArrayPart(_invoice, "invoice.pdf", "application/pdf"))
        : _refit.RunScanAsync(FlowRunSamples.FlowId, new ByteArrayPart(_scan, "scan.pdf", "application/pdf"));
}
