using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TableFlow.Json;

// Wire shapes of GET /v2/flows (docs.tableflow.com, API reference: get-flows), read as leniently as runs: every field
// goes through a lenient converter, so a value of an unexpected shape becomes null and FlowDefinitionMapper fills in
// defaults. "multiple" is not the API's: it is the flow definition file's, read when present.

internal sealed class FlowDefinitionDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? WorkspaceId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Name { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Description { get; set; }
    [JsonConverter(typeof(LenientBooleanConverter))] public bool? Active { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<FileInputConfigDto>))] public FileInputConfigDto? FileInputConfig { get; set; }
    [JsonConverter(typeof(LenientListConverter<FlowStepDefinitionDto>))] public List<FlowStepDefinitionDto?>? Steps { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? CreatedAt { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? UpdatedAt { get; set; }
}

internal sealed class FileInputConfigDto
{
    [JsonConverter(typeof(LenientListConverter<FileFieldDto>))] public List<FileFieldDto?>? FileFields { get; set; }
}

internal sealed class FileFieldDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Key { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Name { get; set; }
    [JsonConverter(typeof(LenientBooleanConverter))] public bool? Required { get; set; }
    [JsonConverter(typeof(LenientStringListConverter))] public List<string>? FileTypes { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? MaxFileSize { get; set; }
    [JsonConverter(typeof(LenientBooleanConverter))] public bool? Multiple { get; set; }
}

internal sealed class FlowStepDefinitionDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Title { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Description { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Type { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Order { get; set; }
    [JsonConverter(typeof(LenientRawObjectConverter))] public JsonElement? Config { get; set; }
}
