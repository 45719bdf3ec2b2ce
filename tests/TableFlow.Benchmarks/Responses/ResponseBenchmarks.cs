using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TableFlow.Benchmarks.Shared;

namespace TableFlow.Benchmarks.Responses;

/// <summary>
/// The cost of reading a flow run: the documented <c>GET /v2/flows/runs/{id}</c> example (status history, metadata,
/// drive files and the flow summary), answered from memory. Our client reads it with the runtime's source-generated
/// <c>TableFlowJsonContext</c> and maps it to <see cref="FlowRun"/>; the baseline reads it with reflection-based
/// System.Text.Json into an equivalent POCO, which is what Refit's default serializer does.
/// </summary>
/// <remarks>
/// Two pairs. The client pair goes through the public <see cref="TableFlowClient.GetFlowRunAsync"/> and a plain
/// <see cref="HttpClient"/> over the same in-memory handler, so the handler's cost cancels out. The deserializer
/// pair isolates the JSON reading: the runtime's context is internal (the benchmarks have no InternalsVisibleTo),
/// so setup fetches its <see cref="JsonTypeInfo"/> once by reflection; the measured call is the public
/// <see cref="JsonSerializer.Deserialize(ReadOnlySpan{byte}, JsonTypeInfo)"/> on that source-generated metadata.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ResponseBenchmarks
{
    private const string RunId = "Wp7kRnT2mX4vQ9bL";
    private static readonly Uri BaseAddress = new("http://127.0.0.1/");

    private HttpClient _reflectionHttp = null!;
    private TableFlowClient _tableFlow = null!;
    private JsonTypeInfo _sourceGenerated = null!;

    /// <summary>Makes the two clients over the same canned answer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _reflectionHttp = new HttpClient(new CannedResponseHandler(FlowRunSamples.CompletedRun)) { BaseAddress = BaseAddress };
        _tableFlow = new TableFlowClient(
            new HttpClient(new CannedResponseHandler(FlowRunSamples.CompletedRun)),
            new TableFlowClientOptions { ApiKey = "bench-key", BaseAddress = BaseAddress });

        var context = typeof(TableFlowClient).Assembly.GetType("TableFlow.Json.TableFlowJsonContext", throwOnError: true)!
            .GetProperty("Default")!.GetValue(null) as JsonSerializerContext
            ?? throw new InvalidOperationException("TableFlowJsonContext.Default is missing.");
        var dtoType = typeof(TableFlowClient).Assembly.GetType("TableFlow.Json.FlowRunDto", throwOnError: true)!;
        _sourceGenerated = context.GetTypeInfo(dtoType) ?? throw new InvalidOperationException("The context has no FlowRunDto metadata.");
        if (_sourceGenerated.Kind != JsonTypeInfoKind.Object || DeserializeSourceGenerated() is null)
        {
            throw new InvalidOperationException("The source-generated FlowRunDto metadata does not read the sample.");
        }

        // Fail fast if a side does not actually read what the other reads.
        var ours = _tableFlow.GetFlowRunAsync(RunId).GetAwaiter().GetResult();
        var theirs = JsonSerializer_Reflection();
        if (ours.DriveFiles.Count != 1 || ours.Flow?.Steps.Count != 3 || theirs.DriveFiles?.Count != 1 || theirs.Flow?.Steps?.Count != 3)
        {
            throw new InvalidOperationException("The two readers do not see the same flow run.");
        }
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _reflectionHttp.Dispose();
        _tableFlow.Dispose();
    }

    /// <summary>The baseline: <c>GetAsync</c> + <c>ReadFromJsonAsync</c> with reflection-based options into the POCO.</summary>
    [Benchmark(Baseline = true, Description = "HttpClient + reflection STJ (Refit default)")]
    [BenchmarkCategory("client")]
    public async Task<FlowRunPoco?> Reflection()
    {
        using var response = await _reflectionHttp.GetAsync("v2/flows/runs/" + RunId).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<FlowRunPoco>(ReflectionJson.Options).ConfigureAwait(false);
    }

    /// <summary>Our client: source-generated JSON into DTOs, then mapped to <see cref="FlowRun"/> (dates, enums, durations).</summary>
    [Benchmark(Description = "TableFlowClient.GetFlowRunAsync (source-generated)")]
    [BenchmarkCategory("client")]
    public Task<FlowRun> SourceGeneratedClient() => _tableFlow.GetFlowRunAsync(RunId);

    /// <summary>The deserializer alone, reflection metadata (warm, cached in the options), into the POCO.</summary>
    [Benchmark(Baseline = true, Description = "Deserialize only: reflection POCO")]
    [BenchmarkCategory("deserialize")]
    public FlowRunPoco JsonSerializer_Reflection()
        => JsonSerializer.Deserialize<FlowRunPoco>(FlowRunSamples.CompletedRun, ReflectionJson.Options)!;

    /// <summary>The deserializer alone, with the runtime's source-generated metadata, into its DTO (no mapping).</summary>
    [Benchmark(Description = "Deserialize only: source-generated DTO")]
    [BenchmarkCategory("deserialize")]
    public object? DeserializeSourceGenerated()
        => JsonSerializer.Deserialize(FlowRunSamples.CompletedRun, _sourceGenerated);
}
