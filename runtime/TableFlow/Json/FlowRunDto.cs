using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TableFlow.Json;

// Wire shapes of the API's JSON (docs.tableflow.com, API reference: get-flow-run, get-flow-runs). They are kept apart from the public model so that lenient
// parsing stays in one place: every field reads through a lenient converter (LenientConverters.cs), so a value of an
// unexpected shape becomes null instead of failing the answer, and FlowRunMapper turns the result into the public
// types with defaults for what is missing.

internal sealed class FlowRunDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? FlowId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? WorkspaceId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Status { get; set; }
    [JsonConverter(typeof(LenientListConverter<StatusChangeDto>))] public List<StatusChangeDto?>? StatusHistory { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Error { get; set; }
    [JsonConverter(typeof(LenientMetadataConverter))] public JsonObject? Metadata { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? TriggerMethod { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? StartTime { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? EndTime { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? Duration { get; set; }
    [JsonConverter(typeof(LenientMapConverter<DriveFileDto>))] public Dictionary<string, DriveFileDto?>? DriveFiles { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<FlowDto>))] public FlowDto? Flow { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? CreatedAt { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? UpdatedAt { get; set; }
}

internal sealed class StatusChangeDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Status { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? Time { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Message { get; set; }
}

internal sealed class DriveFileDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? FileId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? MimeType { get; set; }
    [JsonConverter(typeof(LenientListConverter<DriveSheetDto>))] public List<DriveSheetDto?>? Sheets { get; set; }
}

internal sealed class DriveSheetDto
{
    [JsonConverter(typeof(LenientInt64Converter))] public long? SheetId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Title { get; set; }
}

internal sealed class FlowDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? WorkspaceId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Name { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Description { get; set; }
    [JsonConverter(typeof(LenientListConverter<FlowStepDto>))] public List<FlowStepDto?>? Steps { get; set; }
    [JsonConverter(typeof(LenientBooleanConverter))] public bool? Active { get; set; }
}

internal sealed class FlowStepDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Title { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Type { get; set; }
}

internal sealed class FlowRunPageDto
{
    [JsonConverter(typeof(LenientListConverter<FlowRunDto>))] public List<FlowRunDto?>? FlowRuns { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<PaginationDto>))] public PaginationDto? Pagination { get; set; }
}

internal sealed class PaginationDto
{
    [JsonConverter(typeof(LenientInt64Converter))] public long? Total { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Limit { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Offset { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? NextOffset { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Filter { get; set; }
}

internal sealed class ErrorDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Error { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Message { get; set; }
}
