using System;
using System.Collections.Generic;

namespace TableFlow.Json;

/// <summary>Turns the extraction wire shapes into the public model: unix seconds → times, lenient enums, flattened issues.</summary>
internal static class ExtractionMapper
{
    private static readonly IReadOnlyDictionary<string, ExtractedValue> NoValues = new Dictionary<string, ExtractedValue>();

    public static Extraction ToExtraction(ExtractionDto dto)
    {
        var tables = new Dictionary<string, ExtractionTable>(StringComparer.Ordinal);
        if (dto.Data?.Tables is { } embedded)
        {
            foreach (var pair in embedded)
            {
                if (pair.Value is null) continue;
                var (rows, next, total) = ToRows(pair.Key, pair.Value, 0);
                tables[pair.Key] = new ExtractionTable { Key = pair.Key, Rows = rows, Total = ToInt32(total), NextOffset = ToInt32(next) };
            }
        }

        var fields = dto.Data?.Fields;
        return new Extraction
        {
            Id = IdOf(dto) ?? "",
            WorkspaceId = dto.WorkspaceId,
            TemplateId = dto.TemplateId,
            TemplateName = dto.TemplateName,
            FileName = dto.FileName ?? dto.Filename ?? dto.FileInfo?.FileName,
            FileSize = dto.FileSize,
            FileType = dto.FileType ?? dto.FileInfo?.FileType,
            Status = ExtractionStatuses.Parse(dto.Status),
            StatusText = dto.Status ?? "",
            StatusHistory = ToHistory(dto.StatusHistory),
            Metadata = dto.Metadata,
            CreatedAt = FromUnixSeconds(dto.CreatedAt),
            UpdatedAt = FromUnixSeconds(dto.UpdatedAt),
            Fields = fields?.Values ?? NoValues,
            FieldIssues = fields is null ? Array.Empty<ExtractionIssue>() : ExtractionIssueReader.Read(fields.Validations, null, null),
            Tables = tables,
            Stats = dto.Stats is null ? null : ToStats(dto.Stats),
            Template = dto.Template is null ? null : ToTemplate(dto.Template),
        };
    }

    public static ExtractionSummary ToSummary(ExtractionDto dto) => new()
    {
        Id = IdOf(dto) ?? "",
        Status = ExtractionStatuses.Parse(dto.Status),
        StatusText = dto.Status,
        TemplateId = dto.TemplateId,
        FileName = dto.FileName ?? dto.Filename ?? dto.FileInfo?.FileName,
        FileType = dto.FileType ?? dto.FileInfo?.FileType,
        Metadata = dto.Metadata,
        CreatedAt = FromUnixSeconds(dto.CreatedAt),
        UpdatedAt = FromUnixSeconds(dto.UpdatedAt),
    };

    /// <summary>The id: <c>id</c> (answers, list items) or <c>extraction_id</c> (webhooks); null when neither is usable.</summary>
    public static string? IdOf(ExtractionDto? dto)
    {
        var id = dto?.Id ?? dto?.ExtractionId;
        return id is not null && id.Trim().Length > 0 ? id : null;
    }

    /// <summary>
    /// The rows of a page (embedded or from the rows endpoint), each with its issues; a row without a readable
    /// <c>index</c> takes its place on the page (<paramref name="offset"/> + position). Also the page's
    /// <c>next_offset</c> and <c>total</c>.
    /// </summary>
    public static (List<ExtractionRow> Rows, long? NextOffset, long? Total) ToRows(string tableKey, ExtractionTableDto dto, long offset)
    {
        var rows = new List<ExtractionRow>(dto.Rows?.Count ?? 0);
        if (dto.Rows is not null)
        {
            var position = 0;
            foreach (var row in dto.Rows)
            {
                var place = position++;
                if (row is null) continue;
                var index = ToInt32(row.Index) ?? ToInt32(offset + place) ?? 0;
                var issues = ExtractionIssueReader.Read(row.Validations, tableKey, index);
                rows.Add(new ExtractionRow(index, row.Values ?? NoValues, issues));
            }
        }

        return (rows, dto.Pagination?.NextOffset, dto.Pagination?.Total);
    }

    private static List<ExtractionStatusChange> ToHistory(List<StatusChangeDto?>? dtos)
    {
        var history = new List<ExtractionStatusChange>(dtos?.Count ?? 0);
        if (dtos is null) return history;
        foreach (var change in dtos)
        {
            if (change is null) continue;
            history.Add(new ExtractionStatusChange
            {
                Status = ExtractionStatuses.Parse(change.Status),
                StatusText = change.Status ?? "",
                Time = FromUnixSeconds(change.Time),
                Message = change.Message,
            });
        }

        return history;
    }

    private static ExtractionStats ToStats(ExtractionStatsDto dto)
    {
        var tables = new Dictionary<string, ExtractionTableStats>(StringComparer.Ordinal);
        if (dto.Tables is not null)
        {
            foreach (var pair in dto.Tables)
            {
                if (pair.Value is null) continue;
                tables[pair.Key] = new ExtractionTableStats { Rows = ToCounts(pair.Value.Rows), ColumnCount = ToInt32(pair.Value.Columns?.Total) };
            }
        }

        return new ExtractionStats { Fields = ToCounts(dto.Fields), Tables = tables };
    }

    private static ExtractionCounts? ToCounts(ExtractionCountsDto? dto)
        => dto is null ? null : new ExtractionCounts { Valid = ToInt32(dto.Valid), Invalid = ToInt32(dto.Invalid), Total = ToInt32(dto.Total) };

    private static ExtractionTemplate ToTemplate(ExtractionTemplateDto dto)
    {
        var tables = new List<ExtractionTemplateTable>();
        if (dto.Tables is not null)
        {
            foreach (var table in dto.Tables)
            {
                if (table is null) continue;
                tables.Add(new ExtractionTemplateTable { Key = table.Key ?? "", Name = table.Name, Description = table.Description, Columns = ToFields(table.Columns) });
            }
        }

        return new ExtractionTemplate { Id = dto.Id, Name = dto.Name, Fields = ToFields(dto.Fields), Tables = tables };
    }

    private static List<ExtractionTemplateField> ToFields(List<ExtractionTemplateFieldDto?>? dtos)
    {
        var fields = new List<ExtractionTemplateField>(dtos?.Count ?? 0);
        if (dtos is null) return fields;
        foreach (var field in dtos)
        {
            if (field is not null) fields.Add(new ExtractionTemplateField { Key = field.Key ?? "", Name = field.Name, DataType = field.DataType, Description = field.Description });
        }

        return fields;
    }

    private static int? ToInt32(long? value) => value is { } v && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;

    private static DateTimeOffset? FromUnixSeconds(double? seconds) => FlowRunMapper.FromUnixSeconds(seconds);
}
