using System;
using System.Collections.Generic;

namespace TableFlow.Json;

/// <summary>Turns the wire shapes into the public model: unix seconds → <see cref="DateTimeOffset"/>, ms → <see cref="TimeSpan"/>, lenient enums.</summary>
internal static class FlowRunMapper
{
    public static FlowRun ToFlowRun(FlowRunDto dto)
    {
        var history = new List<FlowRunStatusChange>(dto.StatusHistory?.Count ?? 0);
        if (dto.StatusHistory is not null)
        {
            foreach (var change in dto.StatusHistory)
            {
                if (change is null) continue;
                history.Add(new FlowRunStatusChange
                {
                    Status = ParseStatus(change.Status),
                    StatusText = change.Status ?? "",
                    Time = FromUnixSeconds(change.Time) ?? default,
                    Message = change.Message,
                });
            }
        }

        var driveFiles = new Dictionary<string, DriveFile>(StringComparer.Ordinal);
        if (dto.DriveFiles is not null)
        {
            foreach (var pair in dto.DriveFiles)
            {
                if (pair.Value is null) continue;
                var sheets = new List<DriveSheet>();
                if (pair.Value.Sheets is not null)
                {
                    foreach (var sheet in pair.Value.Sheets)
                    {
                        if (sheet is not null) sheets.Add(new DriveSheet { SheetId = sheet.SheetId ?? 0, Title = sheet.Title });
                    }
                }

                driveFiles[pair.Key] = new DriveFile { FileId = pair.Value.FileId, MimeType = pair.Value.MimeType, Sheets = sheets };
            }
        }

        return new FlowRun
        {
            Id = dto.Id ?? "",
            FlowId = dto.FlowId ?? "",
            WorkspaceId = dto.WorkspaceId,
            Status = ParseStatus(dto.Status),
            StatusText = dto.Status ?? "",
            StatusHistory = history,
            Error = dto.Error,
            Metadata = dto.Metadata,
            TriggerMethod = ParseTrigger(dto.TriggerMethod),
            StartTime = FromUnixSeconds(dto.StartTime),
            EndTime = FromUnixSeconds(dto.EndTime),
            Duration = FromMilliseconds(dto.Duration),
            DriveFiles = driveFiles,
            Flow = dto.Flow is null ? null : ToFlow(dto.Flow),
            CreatedAt = FromUnixSeconds(dto.CreatedAt) ?? default,
            UpdatedAt = FromUnixSeconds(dto.UpdatedAt) ?? default,
        };
    }

    private static FlowSummary ToFlow(FlowDto dto)
    {
        var steps = new List<FlowStep>();
        if (dto.Steps is not null)
        {
            foreach (var step in dto.Steps)
            {
                if (step is not null) steps.Add(new FlowStep { Id = step.Id ?? "", Title = step.Title, Type = step.Type });
            }
        }

        return new FlowSummary
        {
            Id = dto.Id ?? "",
            WorkspaceId = dto.WorkspaceId,
            Name = dto.Name,
            Description = dto.Description,
            Steps = steps,
            Active = dto.Active ?? false,
        };
    }

    // Case-insensitive: a gateway or an older service that capitalises a status must not leave a waiting caller
    // polling "Unknown" until its timeout.
    public static FlowRunStatus ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "processing" => FlowRunStatus.Processing,
        "review" => FlowRunStatus.Review,
        "completed" => FlowRunStatus.Completed,
        "failed" => FlowRunStatus.Failed,
        _ => FlowRunStatus.Unknown,
    };

    private static FlowTriggerMethod ParseTrigger(string? trigger) => trigger?.Trim().ToLowerInvariant() switch
    {
        "api" => FlowTriggerMethod.Api,
        "manual" => FlowTriggerMethod.Manual,
        _ => FlowTriggerMethod.Unknown,
    };

    /// <summary>Unix seconds (whole or not) as a time; null when missing or outside what <see cref="DateTimeOffset"/> holds.</summary>
    internal static DateTimeOffset? FromUnixSeconds(double? seconds)
    {
        if (seconds is not { } s || double.IsNaN(s) || double.IsInfinity(s)) return null;
        const long minMs = -62135596800000, maxMs = 253402300799999;
        var ms = Math.Round(s * 1000);
        if (ms < minMs || ms > maxMs) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
    }

    /// <summary>Milliseconds as a duration; zero when missing or beyond what <see cref="TimeSpan"/> holds (such as <c>1e16</c>).</summary>
    private static TimeSpan FromMilliseconds(double? milliseconds)
    {
        if (milliseconds is not { } ms || double.IsNaN(ms) || double.IsInfinity(ms)) return TimeSpan.Zero;
        var ticks = Math.Round(ms * TimeSpan.TicksPerMillisecond);
        // TimeSpan.MaxValue.Ticks is not exactly representable as a double; stay below the nearest double under it.
        const double limit = 9.2e18;
        return ticks is > -limit and < limit ? TimeSpan.FromTicks((long)ticks) : TimeSpan.Zero;
    }
}
