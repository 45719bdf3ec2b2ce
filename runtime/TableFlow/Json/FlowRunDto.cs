using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow.Json;

// Wire shapes of the API's JSON, exactly as documented (tableflow-api.md §2). They are kept apart from the public
// model so that lenient parsing (unknown enum values, floats where ints are documented, nulls) stays in one place:
// FlowRunMapper turns them into the public types.

internal sealed class FlowRunDto
{
    public string? Id { get; set; }
    public string? FlowId { get; set; }
    public string? WorkspaceId { get; set; }
    public string? Status { get; set; }
    public List<StatusChangeDto?>? StatusHistory { get; set; }
    public string? Error { get; set; }
    public JsonObject? Metadata { get; set; }
    public string? TriggerMethod { get; set; }
    public double? StartTime { get; set; }
    public double? EndTime { get; set; }
    public double? Duration { get; set; }
    public Dictionary<string, DriveFileDto?>? DriveFiles { get; set; }
    public FlowDto? Flow { get; set; }
    public double? CreatedAt { get; set; }
    public double? UpdatedAt { get; set; }
}

internal sealed class StatusChangeDto
{
    public string? Status { get; set; }
    public double? Time { get; set; }
    public string? Message { get; set; }
}

internal sealed class DriveFileDto
{
    public string? FileId { get; set; }
    public string? MimeType { get; set; }
    public List<DriveSheetDto?>? Sheets { get; set; }
}

internal sealed class DriveSheetDto
{
    public long? SheetId { get; set; }
    public string? Title { get; set; }
}

internal sealed class FlowDto
{
    public string? Id { get; set; }
    public string? WorkspaceId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<FlowStepDto?>? Steps { get; set; }
    public bool? Active { get; set; }
}

internal sealed class FlowStepDto
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Type { get; set; }
}

internal sealed class FlowRunPageDto
{
    public List<FlowRunDto?>? FlowRuns { get; set; }
    public PaginationDto? Pagination { get; set; }
}

internal sealed class PaginationDto
{
    public long? Total { get; set; }
    public long? Limit { get; set; }
    public long? Offset { get; set; }
    public long? NextOffset { get; set; }
    public string? Filter { get; set; }
}

internal sealed class ErrorDto
{
    public string? Error { get; set; }
    public string? Message { get; set; }
}
