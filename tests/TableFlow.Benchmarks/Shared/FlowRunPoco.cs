using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow.Benchmarks.Shared;

/// <summary>
/// The flow run as a hand-written client (or a Refit interface) would declare it: a plain POCO read by
/// reflection-based System.Text.Json. It is the baseline our source-generated DTOs are measured against.
/// </summary>
public sealed class FlowRunPoco
{
    /// <summary>Run id.</summary>
    public string? Id { get; set; }

    /// <summary>Flow id.</summary>
    public string? FlowId { get; set; }

    /// <summary>Workspace id.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>Status as the API spells it.</summary>
    public string? Status { get; set; }

    /// <summary>Status changes, oldest first.</summary>
    public List<StatusChangePoco>? StatusHistory { get; set; }

    /// <summary>Failure message.</summary>
    public string? Error { get; set; }

    /// <summary>Run metadata.</summary>
    public JsonObject? Metadata { get; set; }

    /// <summary><c>api</c> or <c>manual</c>.</summary>
    public string? TriggerMethod { get; set; }

    /// <summary>Unix seconds.</summary>
    public long? StartTime { get; set; }

    /// <summary>Unix seconds; null while processing.</summary>
    public long? EndTime { get; set; }

    /// <summary>Milliseconds.</summary>
    public long? Duration { get; set; }

    /// <summary>Google Drive outputs by name.</summary>
    public Dictionary<string, DriveFilePoco>? DriveFiles { get; set; }

    /// <summary>The flow summary (get-one only).</summary>
    public FlowPoco? Flow { get; set; }

    /// <summary>Unix seconds.</summary>
    public long? CreatedAt { get; set; }

    /// <summary>Unix seconds.</summary>
    public long? UpdatedAt { get; set; }
}

/// <summary>One entry of <see cref="FlowRunPoco.StatusHistory"/>.</summary>
public sealed class StatusChangePoco
{
    /// <summary>Status.</summary>
    public string? Status { get; set; }

    /// <summary>Unix seconds.</summary>
    public long? Time { get; set; }

    /// <summary>Message.</summary>
    public string? Message { get; set; }
}

/// <summary>A Google Drive output of a run.</summary>
public sealed class DriveFilePoco
{
    /// <summary>Drive file id.</summary>
    public string? FileId { get; set; }

    /// <summary>MIME type.</summary>
    public string? MimeType { get; set; }

    /// <summary>Sheets of a spreadsheet.</summary>
    public List<DriveSheetPoco>? Sheets { get; set; }
}

/// <summary>A sheet of a <see cref="DriveFilePoco"/>.</summary>
public sealed class DriveSheetPoco
{
    /// <summary>Sheet id.</summary>
    public long? SheetId { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }
}

/// <summary>The flow summary in a run.</summary>
public sealed class FlowPoco
{
    /// <summary>Flow id.</summary>
    public string? Id { get; set; }

    /// <summary>Workspace id.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Steps.</summary>
    public List<FlowStepPoco>? Steps { get; set; }

    /// <summary>Whether the flow is active.</summary>
    public bool? Active { get; set; }
}

/// <summary>A step of a <see cref="FlowPoco"/>.</summary>
public sealed class FlowStepPoco
{
    /// <summary>Step id.</summary>
    public string? Id { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Step type.</summary>
    public string? Type { get; set; }
}
